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
        return errors.Any
            ? new InstanceReading(null, errors.InDocumentOrder())
            : new InstanceReading(new Instance(dto.Version!.Value, dto.Seed, sections, applications), []);
    }

    private static Section ToSection(SectionDto? dto, int i, ErrorList errors)
    {
        var path = $"sections[{i}]";
        if (dto is null)
        {
            errors.Add(ErrorList.InSection(i, 0), InstanceErrors.Missing(path));
            return null!;
        }
        Require(dto.Id, $"{path}.id", ErrorList.InSection(i, 0), errors);
        Require(dto.Structure, $"{path}.structure", ErrorList.InSection(i, 1), errors);
        Require(dto.Capacity, $"{path}.capacity", ErrorList.InSection(i, 2), errors);
        Require(dto.MinAgeMonths, $"{path}.minAgeMonths", ErrorList.InSection(i, 3), errors);
        Require(dto.MaxAgeMonths, $"{path}.maxAgeMonths", ErrorList.InSection(i, 4), errors);
        var reserves = new Reserve[dto.Reserves?.Count ?? 0];
        for (var j = 0; j < reserves.Length; j++)
        {
            var reserve = dto.Reserves![j];
            Require(reserve.Category, $"{path}.reserves[{j}].category", ErrorList.InSection(i, 6 + 2 * j), errors);
            Require(reserve.Seats, $"{path}.reserves[{j}].seats", ErrorList.InSection(i, 7 + 2 * j), errors);
            reserves[j] = new Reserve(reserve.Category!, reserve.Seats ?? 0);
        }
        return new Section(dto.Id!, dto.Structure!, dto.Capacity ?? 0, dto.MinAgeMonths ?? 0, dto.MaxAgeMonths ?? 0, reserves);
    }

    private static Application ToApplication(ApplicationDto? dto, int i, ErrorList errors)
    {
        var path = $"applications[{i}]";
        if (dto is null)
        {
            errors.Add(ErrorList.InApplication(i, 0), InstanceErrors.Missing(path));
            return null!;
        }
        Require(dto.Id, $"{path}.id", ErrorList.InApplication(i, 0), errors);
        Require(dto.AgeMonthsAtStart, $"{path}.ageMonthsAtStart", ErrorList.InApplication(i, 1), errors);
        Require(dto.Submitted, $"{path}.submitted", ErrorList.InApplication(i, 2), errors);
        Require(dto.Wishes, $"{path}.wishes", ErrorList.InApplication(i, 5), errors);
        var categories = dto.Categories is { Count: > 0 } given ? given.ToArray() : [];
        var wishes = new Wish[dto.Wishes?.Count ?? 0];
        for (var k = 0; k < wishes.Length; k++)
        {
            var wish = dto.Wishes![k];
            Require(wish.Structure, $"{path}.wishes[{k}].structure", ErrorList.InApplication(i, 6 + k), errors);
            Require(wish.Score, $"{path}.wishes[{k}].score", ErrorList.InApplication(i, 6 + k), errors);
            wishes[k] = new Wish(wish.Structure!, wish.Score ?? 0);
        }
        return new Application(dto.Id!, dto.AgeMonthsAtStart ?? 0, dto.Submitted ?? default, categories!, dto.TieBreak, wishes);
    }

    private static void Require<T>(T? value, string path, long order, ErrorList errors)
    {
        if (value is null) errors.Add(order, InstanceErrors.Missing(path));
    }
}
