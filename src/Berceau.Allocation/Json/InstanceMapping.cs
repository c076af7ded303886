namespace Berceau.Allocation.Json;

/// <summary>From the all-optional JSON shape to the contract types, naming the path of every missing required field.</summary>
internal static class InstanceMapping
{
    public static InstanceReading ToInstance(InstanceDto dto)
    {
        var errors = new ErrorList();
        if (dto.Version is null) errors.Add(ErrorList.Top(0), InstanceErrors.Missing("version"));
        if (dto.Sections is null) errors.Add(ErrorList.Top(2), InstanceErrors.Missing("sections"));
        if (dto.Applications is null) errors.Add(ErrorList.Top(3), InstanceErrors.Missing("applications"));
        if (errors.Any) return new InstanceReading(null, errors.InDocumentOrder());

        var sections = new Section[dto.Sections!.Count];
        for (var i = 0; i < sections.Length; i++) sections[i] = ToSection(dto.Sections[i], i, errors);
        var dtos = dto.Applications!;
        var applications = new Application[dtos.Count];
        for (var i = 0; i < applications.Length; i++)
        {
            applications[i] = ToApplication(dtos[i], i, errors);
            dtos[i] = null;  // lets the collector take the JSON shape while the contract one is built
        }
        var groups = LinkedGroupsJson.ToGroups(dto.LinkedGroups, errors);
        return errors.Any
            ? new InstanceReading(null, errors.InDocumentOrder())
            : new InstanceReading(new Instance(dto.Version!.Value, dto.Seed, sections, applications) { LinkedGroups = groups }, []);
    }

    private static Section ToSection(SectionDto? dto, int i, ErrorList errors)
    {
        if (dto is null)
        {
            errors.Add(ErrorList.InSection(i, 0), InstanceErrors.Missing($"sections[{i}]"));
            return null!;
        }
        if (dto.Id is null) Missing(errors, i, 0, "id");
        if (dto.Structure is null) Missing(errors, i, 1, "structure");
        if (dto.Capacity is null) Missing(errors, i, 2, "capacity");
        if (dto.MinAgeMonths is null) Missing(errors, i, 3, "minAgeMonths");
        if (dto.MaxAgeMonths is null) Missing(errors, i, 4, "maxAgeMonths");
        var reserves = new Reserve[dto.Reserves?.Count ?? 0];
        for (var j = 0; j < reserves.Length; j++)
        {
            var reserve = dto.Reserves![j];
            if (reserve.Category is null) Missing(errors, i, 6 + 2 * j, $"reserves[{j}].category");
            if (reserve.Seats is null) Missing(errors, i, 7 + 2 * j, $"reserves[{j}].seats");
            reserves[j] = new Reserve(reserve.Category!, reserve.Seats ?? 0);
        }
        return new Section(dto.Id!, dto.Structure!, dto.Capacity ?? 0, dto.MinAgeMonths ?? 0, dto.MaxAgeMonths ?? 0, reserves);

        static void Missing(ErrorList errors, int i, int field, string name) =>
            errors.Add(ErrorList.InSection(i, field), InstanceErrors.Missing($"sections[{i}].{name}"));
    }

    private static Application ToApplication(ApplicationDto? dto, int i, ErrorList errors)
    {
        if (dto is null)
        {
            errors.Add(ErrorList.InApplication(i, 0), InstanceErrors.Missing($"applications[{i}]"));
            return null!;
        }
        // Paths are built only for a missing value: a million applications must not cost seventeen million strings.
        if (dto.Id is null) Missing(errors, i, 0, "id");
        if (dto.AgeMonthsAtStart is null) Missing(errors, i, 1, "ageMonthsAtStart");
        if (dto.Submitted is null) Missing(errors, i, 2, "submitted");
        if (dto.Wishes is null) Missing(errors, i, 5, "wishes");
        var categories = dto.Categories is { Count: > 0 } given ? given.ToArray() : [];
        var wishes = dto.Wishes ?? [];
        for (var k = 0; k < wishes.Length; k++)
        {
            if (wishes[k].Structure is null) Missing(errors, i, 6 + k, $"wishes[{k}].structure");
        }
        foreach (var k in dto.WishesWithoutScore ?? []) Missing(errors, i, 6 + k, $"wishes[{k}].score");
        return new Application(dto.Id!, dto.AgeMonthsAtStart ?? 0, dto.Submitted ?? default, categories!, dto.TieBreak, wishes);
    }

    private static void Missing(ErrorList errors, int i, int field, string name) =>
        errors.Add(ErrorList.InApplication(i, field), InstanceErrors.Missing($"applications[{i}].{name}"));
}
