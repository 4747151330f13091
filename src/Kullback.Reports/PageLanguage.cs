namespace Kullback.Reports;

/// <summary>The language a page opens in; every page carries both and has a switch.</summary>
public enum PageLanguage
{
    /// <summary>English (<c>en</c>).</summary>
    English,

    /// <summary>Simplified Chinese (<c>zh</c>).</summary>
    Chinese,
}

/// <summary>The language codes of <see cref="PageLanguage"/>.</summary>
public static class PageLanguages
{
    /// <summary>The BCP 47 code: <c>en</c> or <c>zh</c>.</summary>
    public static string Code(this PageLanguage language) => language == PageLanguage.Chinese ? "zh" : "en";

    /// <summary>The language of <paramref name="code"/> (<c>en</c> or <c>zh</c>, case-insensitive).</summary>
    /// <exception cref="InvalidArgumentException">Another code.</exception>
    public static PageLanguage Parse(string code) => code?.Trim().ToUpperInvariant() switch
    {
        "EN" => PageLanguage.English,
        "ZH" => PageLanguage.Chinese,
        _ => throw new InvalidArgumentException($"{InputText.Quote(code ?? "")} is not a page language: use en or zh.", nameof(code)),
    };
}
