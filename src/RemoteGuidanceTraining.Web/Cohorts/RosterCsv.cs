using System.ComponentModel.DataAnnotations;
using System.Text;
using CsvHelper;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Security;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>One person to add to a cohort, with the row it came from (row 1 is the header in a file).</summary>
public sealed record RosterRow(int Row, string Email, string? FullName, string? Organisation)
{
    /// <summary>The name a new account gets: the typed one, else the address (cut to a name's length).</summary>
    public string NameOrAddress => FullName ?? (Email.Length <= Data.FieldLengths.Name ? Email : Email[..Data.FieldLengths.Name]);
}

/// <summary>A row that cannot be imported: a resource key ("Cohorts.Error.*") and the values its text needs.</summary>
public sealed record RosterError(int Row, string MessageKey, params object[] Values);

public sealed record RosterParseResult(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterError> Errors);

/// <summary>
/// Reads a participant list the way Finnish Excel writes it: UTF-8 with or without BOM (older Excel's
/// Windows-1252 is accepted too), separated by semicolons or commas, with Finnish or English headers.
/// Every bad row is reported with its row number; the caller imports nothing until the list is clean.
/// </summary>
public static class RosterCsv
{
    private static readonly string[] _emailHeaders = ["email", "e-mail", "sähköposti", "sähköpostiosoite", "s-posti", "e-post"];
    private static readonly string[] _nameHeaders = ["full name", "fullname", "name", "nimi", "koko nimi", "namn"];
    private static readonly string[] _organisationHeaders = ["organisation", "organization", "organisaatio", "organisation/yritys"];

    public static RosterParseResult ParseFile(byte[] bytes) => Parse(Decode(bytes), hasHeader: true);

    /// <summary>Typed lines: "address" or "address; full name; organisation".</summary>
    public static RosterParseResult ParseTyped(string text) => Parse(text, hasHeader: false);

    private static RosterParseResult Parse(string text, bool hasHeader)
    {
        var options = new CsvReaderOptions { HasHeader = hasHeader, TrimWhitespace = true, TrackLineNumbers = true };
        using var csv = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
        var rows = new List<RosterRow>();
        var errors = new List<RosterError>();
        var (email, name, organisation) = (0, 1, 2);
        if (hasHeader)
        {
            var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            email = headers.FindIndex(h => _emailHeaders.Contains(h));
            name = headers.FindIndex(h => _nameHeaders.Contains(h));
            organisation = headers.FindIndex(h => _organisationHeaders.Contains(h));
            if (email < 0)
            {
                return new RosterParseResult([], [new RosterError(1, "Cohorts.Error.NoEmailColumn")]);
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            var row = (int)csv.LineNumber;
            var address = Field(csv, email);
            var fullName = Field(csv, name);
            if (address is null && fullName is null)
            {
                continue;
            }

            if (address is null || !new EmailAddressAttribute().IsValid(address) || address.Contains(' ', StringComparison.Ordinal))
            {
                errors.Add(new RosterError(row, "Cohorts.Error.NotEmail", address ?? ""));
            }
            else if (address.Length > AccountLimits.EmailLength)
            {
                errors.Add(new RosterError(row, "Cohorts.Error.EmailTooLong"));
            }
            else if (!AccountAddress.HasOnlyAllowedCharacters(address))
            {
                errors.Add(new RosterError(row, "Cohorts.Error.EmailCharacters", address));
            }
            else if (seen.TryGetValue(address, out var first))
            {
                errors.Add(new RosterError(row, "Cohorts.Error.Duplicate", address, first));
            }
            else if (fullName?.Length > Data.FieldLengths.Name)
            {
                errors.Add(new RosterError(row, "Cohorts.Error.NameTooLong"));
            }
            else if (Field(csv, organisation)?.Length > Data.FieldLengths.Name)
            {
                errors.Add(new RosterError(row, "Cohorts.Error.OrganisationTooLong"));
            }
            else
            {
                seen[address] = row;
                rows.Add(new RosterRow(row, address, fullName, Field(csv, organisation)));
            }
        }

        return new RosterParseResult(rows, errors);
    }

    // Control characters go as they do from every form field (a NUL byte in a file, "\u0000" in the posted rows).
    private static string? Field(CsvReader csv, int index) =>
        index >= 0 && index < csv.FieldCount && csv.GetString(index) is { } value && ControlCharacters.Without(value) is var text
            && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // "CSV (comma delimited)" from older Excel is Windows-1252; Latin-1 has the same ä, ö and å.
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
