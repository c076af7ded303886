using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Berceau.Data;

/// <summary>What the set-based writers (<see cref="BulkInsert"/>, <see cref="BulkUpdate"/>) read of the model, the same way.</summary>
internal static class BulkModel
{
    public static Microsoft.EntityFrameworkCore.Metadata.IEntityType Entity(DbContext db, Type type) =>
        db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity type of the model.");

    /// <summary>The writers run in the caller's transaction: their rows are committed with the rest of its work, or not at all.</summary>
    public static void RequireTransaction(DbContext db, string writer)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException($"{writer} writes in the caller's transaction: open one first.");
    }

    /// <summary>A model value as the database stores it, through the column's value converter if it has one.</summary>
    public static object? ToProvider(RelationalTypeMapping mapping, object? value) =>
        value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    /// <summary>The store type without its facets (« character varying(200) » → « character varying »): the name Npgsql writes by.</summary>
    public static string StoreTypeName(RelationalTypeMapping mapping) => mapping.StoreType.Split('(')[0].Trim();
}
