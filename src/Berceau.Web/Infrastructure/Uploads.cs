namespace Berceau.Web.Infrastructure;

/// <summary>Reading an uploaded file into memory without trusting its announced length.</summary>
public static class Uploads
{
    /// <summary>
    /// The file's bytes, read only up to <paramref name="maxBytes"/> plus one chunk: a huge upload costs little, and the caller
    /// sees a length above the limit and refuses it.
    /// </summary>
    public static async Task<byte[]> ReadLimitedAsync(IFormFile file, int maxBytes, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0 && buffer.Length <= maxBytes)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}
