using System.Security.Cryptography;
using System.Text;

namespace Berceau.Allocation.Linked;

/// <summary>
/// The hash of an instance with linked groups: "sha256:" + lowercase hex of SHA-256 over
/// <code>string v1Hash, int32 #groups, each (sorted by id, ordinal): string id, int32 #applications, each (sorted, ordinal): string</code>
/// with the encodings of the version-1 canonical form (int32 little-endian, string = int32 UTF-8 byte length + bytes), where
/// v1Hash is the version-1 hash of the same instance without its groups ("sha256:…" as text). Neither the order of the groups nor
/// that of members changes it; an instance without groups keeps its version-1 hash.
/// </summary>
internal static class LinkedHash
{
    public static string Of(string v1Hash, IReadOnlyList<LinkedGroup> groups)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            String(writer, v1Hash);
            writer.Write(groups.Count);
            foreach (var group in groups.OrderBy(g => g.Id, StringComparer.Ordinal))
            {
                String(writer, group.Id);
                writer.Write(group.Applications.Count);
                foreach (var application in group.Applications.Order(StringComparer.Ordinal)) String(writer, application);
            }
        }
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
    }

    private static void String(BinaryWriter writer, string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        writer.Write(utf8.Length);
        writer.Write(utf8);
    }
}
