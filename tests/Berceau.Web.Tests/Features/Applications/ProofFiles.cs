using System.Net.Http.Headers;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>Files as families send them, and their upload through the real form (multipart, anti-forgery token).</summary>
internal static class ProofFiles
{
    public static byte[] Pdf(int size = 2000)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    /// <summary>A Windows executable: starts with "MZ", whatever its name says.</summary>
    public static byte[] Executable() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0];

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid applicationId, string kind, byte[] content, string fileName, string declaredType = "application/pdf")
    {
        var url = $"/famille/demandes/{applicationId}/pieces";
        var token = await Forms.AntiforgeryTokenAsync(client, url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), Forms.TokenField },
            { new StringContent(kind), "Kind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(url, form);
    }
}
