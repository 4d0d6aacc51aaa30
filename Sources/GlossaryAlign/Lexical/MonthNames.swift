import GlossaryText

/// Month names of a few target languages, for `3月` against `March` / `mars`.
/// Other languages simply get no month evidence.
enum MonthNames {
  static let table: [String: [String]] = [
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
  ]

  /// The match key of month `month` (1-12) in `language`, if known.
  static func name(_ month: Int, language: Language) -> String? {
    guard let names = table[language.base], (1...12).contains(month) else { return nil }
    return names[month - 1]
  }
}
