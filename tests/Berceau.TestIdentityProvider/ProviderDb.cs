using Microsoft.EntityFrameworkCore;

namespace Berceau.TestIdentityProvider;

/// <summary>OpenIddict's own tables (clients, authorizations, tokens), in an in-memory SQLite database that lives as long as the provider.</summary>
public sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
