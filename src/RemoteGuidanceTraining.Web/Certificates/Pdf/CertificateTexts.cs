using System.Globalization;

namespace RemoteGuidanceTraining.Web.Certificates.Pdf;

/// <summary>
/// The certificate's own wording, in the course's language (not the reader's UI language: the document is
/// the same for everyone who sees it).
/// </summary>
internal sealed record CertificateTexts(
    string Heading, string HasCompleted, string Extent, string Outcomes, string CompletedOn,
    string VerifyAt, string Code, string Serial, string Version, string CreditUnit, string CreditUnitOne, string CultureName)
{
    private static readonly Dictionary<string, CertificateTexts> _byLanguage = new()
    {
        ["fi"] = new("TODISTUS", "on suorittanut koulutuksen", "Laajuus", "Osaamistavoitteet", "Suoritettu",
            "Todistuksen aitouden voi tarkistaa osoitteessa", "Tarkistuskoodi", "Sarjanumero", "Sisältöversio", "op", "op", "fi-FI"),
        ["sv"] = new("INTYG", "har genomfört utbildningen", "Omfattning", "Lärandemål", "Genomförd",
            "Intygets äkthet kan kontrolleras på", "Kontrollkod", "Serienummer", "Innehållsversion", "sp", "sp", "sv-FI"),
        ["en"] = new("CERTIFICATE", "has completed the training", "Extent", "Learning outcomes", "Completed on",
            "Verify this certificate at", "Verification code", "Serial number", "Content version", "ECTS credits", "ECTS credit", "en-GB"),
    };

    public static CertificateTexts For(string language) => _byLanguage.GetValueOrDefault(language) ?? _byLanguage["fi"];

    public CultureInfo Culture => CultureInfo.GetCultureInfo(CultureName);

    public string FormatDate(DateOnly date) =>
        CultureName == "en-GB" ? date.ToString("d MMMM yyyy", Culture) : date.ToString("d.M.yyyy", Culture);

    public string FormatExtent(decimal credits, int hours) =>
        $"{credits.ToString("0.#", Culture)} {(credits == 1 ? CreditUnitOne : CreditUnit)} ({hours} h)";
}
