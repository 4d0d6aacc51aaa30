/// Facts a check reads from document file names `YYYY-MM-DD-slug.LANG.txt`.
public enum CheckDocuments {
  /// Base name of a path.
  static func baseName(_ path: String) -> Substring {
    path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
  }

  /// The date prefix of a file name (`2018-07-19-slug.en.txt` -> 2018-07-19).
  public static func date(fromFileName path: String) -> ISODate? { ISODate(baseName(path).prefix(10)) }

  /// The language of a file name (`slug.en.txt` -> `en`), if it names a known one.
  public static func language(fromFileName path: String) -> Language? {
    let parts = baseName(path).split(separator: ".")
    guard parts.count >= 3, parts.last == "txt" else { return nil }
    return try? Language(String(parts[parts.count - 2]))
  }

  /// Glossaries whose languages are `source` and `target` (by base language).
  public static func matching(_ glossaries: [Glossary], source: Language, target: Language) -> [Glossary] {
    glossaries.filter {
      (try? Language($0.sourceLanguage))?.base == source.base && (try? Language($0.targetLanguage))?.base == target.base
    }
  }
}
