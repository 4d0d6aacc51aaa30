/// THE "flatten to one line" rule of this project (TSV cells, Vecalign
/// sentence text, one-line messages, example pairs): every line break (LF, CR,
/// CR LF, VT, FF, NEL, U+2028, U+2029: ICU Line_Break BK/CR/LF/NL) and every
/// tab becomes one space; nothing else changes.
///
/// ```swift
/// OneLine.flatten("a\r\nb\tc")   // "a b c"
/// ```
public enum OneLine {
  /// The text on one line.
  public static func flatten(_ s: String) -> String {
    var changed = false
    for u in s.unicodeScalars where u == "\t" || CharacterClass.of(u).contains(.lineBreak) {
      changed = true
      break
    }
    guard changed else { return s }
    var out = String.UnicodeScalarView()
    var previousCR = false
    for u in s.unicodeScalars {
      if u == "\n" && previousCR { previousCR = false; continue }  // CR LF is one break
      previousCR = u == "\r"
      out.append(u == "\t" || CharacterClass.of(u).contains(.lineBreak) ? " " : u)
    }
    return String(out)
  }
}
