using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Security;

/// <summary>
/// The one upload open to families, the pièces justificatives (Features/Applications/Family/Proofs): what a file IS comes
/// from its first bytes, never from its name or the browser's claim; names lose their folders and end with the extension of
/// what the file is; a request far over the size limit is cut by the server before the form is read; another family's
/// application takes no file. Files live in the database, never at a path built from the name. (ApplicationProofTests has
/// the family's own path: wrong type, 6 MB, empty file, missing kind.)
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Database")]
public sealed class UploadAbuseTests(BerceauApp app)
{
    private Task<int> CountAsync(Guid application) =>
        app.WithDbAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == new ApplicationId(application)));

    public static TheoryData<string, string> Disguised => new()
    {
        { "<html><script>alert(1)</script></html>", "justificatif.pdf" },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "scan.png" },
        { "GIF89a<script>alert(1)</script>", "photo.jpg" },
        { "PK\u0003\u0004 word document", "attestation.pdf" },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public async Task AFileThatIsNotAPdfJpegOrPng_WhateverItsNameAndDeclaredType_IsRefused(string content, string name)
    {
        var application = await app.FamilyApplicationAsync(VictimWorld.Commune);

        using var response = await ProofFiles.UploadAsync(application.Family, application.Id, "Address", Encoding.UTF8.GetBytes(content), name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Le fichier doit être un PDF, un JPEG ou un PNG.", await Forms.ErrorSummaryAsync(response));
        Assert.Equal(0, await CountAsync(application.Id));
    }

    [Theory]
    [InlineData("facture.pdf.exe", "facture.pdf.exe.pdf")]
    [InlineData("page.html", "page.html.pdf")]
    [InlineData("../../../etc/passwd", "passwd.pdf")]
    [InlineData(@"C:\Users\moi\..\..\Windows\win.ini", "win.ini.pdf")]
    [InlineData("domicile.PDF", "domicile.PDF")]
    public async Task TheStoredName_HasNoFolder_AndEndsWithTheExtensionOfWhatTheFileIs(string sent, string stored)
    {
        var application = await app.FamilyApplicationAsync(VictimWorld.Commune);

        using var upload = await ProofFiles.UploadAsync(application.Family, application.Id, "Address", ProofFiles.Pdf(), sent, declaredType: "application/x-msdownload");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var document = await app.WithDbAsync(db => db.ApplicationDocuments.AsNoTracking().SingleAsync(d => d.ApplicationId == new ApplicationId(application.Id)));
        Assert.Equal(stored, document.FileName);
        Assert.Equal("application/pdf", document.ContentType);
        using var download = await application.Family.GetAsync($"/famille/demandes/{application.Id}/pieces/{document.Id}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(stored, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task ARequestFarOverTheLimit_IsCutBeforeTheFormIsRead_AndNothingIsStored()
    {
        var application = await app.FamilyApplicationAsync(VictimWorld.Commune);

        HttpStatusCode? status;
        try
        {
            using var response = await ProofFiles.UploadAsync(application.Family, application.Id, "Address", ProofFiles.Pdf(12 * 1024 * 1024), "gros.pdf");
            status = response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The server answered 413 and closed the connection while the client was still sending the rest.
            status = null;
        }

        Assert.True(status is null or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"{(int?)status}");
        Assert.Equal(0, await CountAsync(application.Id));
    }

    [Fact]
    public async Task AProofSentToAnotherFamilysApplication_IsNotFound_AndNothingIsStored()
    {
        var victim = await app.FamilyApplicationAsync(VictimWorld.Commune);
        var (intruder, _) = await app.SignedInFamilyAsync();
        var token = await Intruders.PageTokenAsync(intruder);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), Forms.TokenField },
            { new StringContent("Address"), "Kind" },
        };
        var file = new ByteArrayContent(ProofFiles.Pdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Upload", "intrus.pdf");

        using var response = await intruder.PostAsync($"/famille/demandes/{victim.Id}/pieces", form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await CountAsync(victim.Id));
    }
}
