/// A language as ICU knows it: a code such as `zh`, `en`, `fr`, `ru`, `lo`.
public struct Language: Hashable, Sendable, CustomStringConvertible {
  /// The code as given, lowercased (`zh`, `en`, `zh-hant` ...).
  public let code: String

  /// Validates the code against ICU's locale data.
  /// - Throws: `TextError.unknownLanguage` when ICU has no data for it.
  public init(_ code: String) throws {
    let c = code.lowercased().replacingOccurrences(of: "_", with: "-")
    guard !c.isEmpty, c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
      ICU.localeIsAvailable(c)
    else { throw TextError.unknownLanguage(code: code) }
    self.code = c
  }

  /// The primary subtag (`zh` for `zh-hant`).
  public var base: String { String(code.prefix { $0 != "-" }) }

  /// Languages written without spaces between words, where a word is a few characters.
  public var isUnspaced: Bool { ["zh", "ja", "th", "lo", "km", "my", "bo"].contains(base) }

  /// ICU locale id for break iterators.
  var icuLocale: String { code.replacingOccurrences(of: "-", with: "_") }

  public var description: String { code }

  /// Guesses the language of a text from the script of its letters:
  /// Han -> zh, Lao -> lo, Cyrillic -> ru, Latin -> en (Latin cannot be told apart by script).
  public static func guess(_ text: String) -> Language {
    var counts: [Int32: Int] = [:]
    var seen = 0
    for scalar in text.unicodeScalars where seen < 4000 {
      let v = scalar.value
      if v < 0x41 { continue }
      if v < 0x80 {
        if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { counts[ScriptCode.latin, default: 0] += 1; seen += 1 }
        continue
      }
      let s = ICU.script(v)
      if s > ScriptCode.inherited { counts[s, default: 0] += 1; seen += 1 }
    }
    // Kana anywhere means Japanese even when Han dominates.
    if (counts[ScriptCode.hiragana] ?? 0) + (counts[ScriptCode.katakana] ?? 0) > seen / 20, seen > 0 {
      return Language(trusted: "ja")
    }
    guard let top = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key
    else { return Language(trusted: "en") }
    let byScript: [String: String] = [
      "Hani": "zh", "Latn": "en", "Laoo": "lo", "Thai": "th", "Cyrl": "ru", "Arab": "ar", "Hang": "ko",
      "Khmr": "km", "Mymr": "my", "Grek": "el", "Hebr": "he", "Deva": "hi", "Tibt": "bo", "Mong": "mn",
      "Geor": "ka", "Armn": "hy", "Ethi": "am", "Beng": "bn", "Taml": "ta", "Sinh": "si",
    ]
    return Language(trusted: byScript[ICU.scriptShortName(top)] ?? "en")
  }

  init(trusted code: String) { self.code = code }
}

/// Short ICU name of a script code ("Hani", "Latn", "Laoo"; "Zyyy" for common).
public func scriptName(_ script: Int32) -> String { ICU.scriptShortName(script) }
