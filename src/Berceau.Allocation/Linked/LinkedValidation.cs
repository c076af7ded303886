namespace Berceau.Allocation.Linked;

/// <summary>
/// The rules of the <c>linkedGroups</c> extension, checked after the rules of version 1 and reported the same way (JSON path,
/// stable code, French message): every member is a known application, in one group only; a group has at least two members;
/// members' wishes name the same structures in the same order (scores may differ, and so may ages and categories).
/// </summary>
internal static class LinkedValidation
{
    public static List<InstanceError> Check(Instance instance)
    {
        var errors = new List<InstanceError>();
        var groups = instance.LinkedGroups ?? [];
        var applications = new Dictionary<string, Application>(StringComparer.Ordinal);
        foreach (var application in instance.Applications ?? [])
        {
            if (application?.Id is { } id) applications.TryAdd(id, application);
        }
        var groupIds = new HashSet<string>(StringComparer.Ordinal);
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            var path = $"linkedGroups[{g}]";
            var group = groups[g];
            if (group is null)
            {
                errors.Add(InstanceErrors.Missing(path));
                continue;
            }
            if (group.Id is null) errors.Add(InstanceErrors.Missing($"{path}.id"));
            else if (!groupIds.Add(group.Id)) errors.Add(InstanceErrors.Duplicate($"{path}.id", group.Id));
            if (group.Applications is null)
            {
                errors.Add(InstanceErrors.Missing($"{path}.applications"));
                continue;
            }
            if (group.Applications.Count < 2) errors.Add(LinkedErrors.TooSmall($"{path}.applications"));
            Application? first = null;
            for (var k = 0; k < group.Applications.Count; k++)
            {
                var member = group.Applications[k];
                var memberPath = $"{path}.applications[{k}]";
                if (member is null) errors.Add(InstanceErrors.Missing(memberPath));
                else if (!applications.TryGetValue(member, out var application)) errors.Add(LinkedErrors.UnknownApplication(memberPath, member));
                else if (groupOf.TryGetValue(member, out var other)) errors.Add(LinkedErrors.AlreadyLinked(memberPath, member, other));
                else
                {
                    groupOf[member] = group.Id ?? path;
                    if (first is null) first = application;
                    else if (!SameStructures(first, application)) errors.Add(LinkedErrors.WishesDiffer(memberPath, member, first.Id));
                }
            }
        }
        return errors;
    }

    private static bool SameStructures(Application a, Application b)
    {
        var x = a.Wishes ?? [];
        var y = b.Wishes ?? [];
        if (x.Count != y.Count) return false;
        for (var k = 0; k < x.Count; k++)
        {
            if (!string.Equals(x[k].Structure, y[k].Structure, StringComparison.Ordinal)) return false;
        }
        return true;
    }
}

/// <summary>The French messages of the extension, next to the engine's own (<see cref="InstanceErrors"/>).</summary>
internal static class LinkedErrors
{
    public static InstanceError TooSmall(string path) =>
        new(path, "group-too-small", "un groupe lié réunit au moins deux demandes.");
    public static InstanceError UnknownApplication(string path, string value) =>
        new(path, "unknown-application", $"demande « {value} » inconnue.");
    public static InstanceError AlreadyLinked(string path, string value, string group) =>
        new(path, "already-linked", $"la demande « {value} » appartient déjà au groupe « {group} » ; une demande ne peut être liée qu’une fois.");
    public static InstanceError WishesDiffer(string path, string value, string first) =>
        new(path, "wishes-differ",
            $"les vœux de « {value} » doivent nommer les mêmes structures, dans le même ordre, que ceux de « {first} ».");
}
