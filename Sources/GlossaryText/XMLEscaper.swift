/// THE XML 1.0 escaper of this project (TBX export, SVG charts, any XML we write).
///
/// Escapes `&`, `<`, `>` (and in attribute values `"`, `'`, tab, LF as
/// character references, which attribute-value normalization would otherwise
/// turn into spaces); CR is written `&#xD;` everywhere so that it survives
/// end-of-line handling. Characters XML 1.0 forbids (C0 controls other than tab,
/// LF and CR; U+FFFE, U+FFFF; lone surrogates) are replaced (by default with
/// U+FFFD) or refused with ``XMLEscaper/InvalidCharacter``: the output is always
/// well-formed XML 1.0.
///
/// ```swift
/// XMLEscaper.escape("a < b & \u{1}")          // "a &lt; b &amp; \u{FFFD}"
/// XMLEscaper.escape("say \"hi\"", attribute: true)  // "say &quot;hi&quot;"
/// ```
public enum XMLEscaper {
  /// A character XML 1.0 cannot carry, with its scalar offset in the input.
  public struct InvalidCharacter: Error, Equatable, CustomStringConvertible {
    public var scalar: UInt32
    public var offset: Int
    public var description: String {
      "character U+\(String(scalar, radix: 16, uppercase: true)) at offset \(offset) is not allowed in XML 1.0"
    }
  }

  /// Whether XML 1.0 allows a code point in a document (its `Char` production).
  @inlinable public static func isAllowed(_ v: UInt32) -> Bool {
    v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
      || (v >= 0x10000 && v <= 0x10FFFF)
  }

  /// The escaped text, forbidden characters replaced by `replacement`.
  public static func escape(_ s: String, attribute: Bool = false, replacement: Unicode.Scalar = "\u{FFFD}") -> String {
    let replacement = isAllowed(replacement.value) ? replacement : "\u{FFFD}"
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars { append(u, attribute: attribute, replacement: replacement, to: &out) }
    return String(out)
  }

  /// The escaped text; throws on the first character XML 1.0 forbids.
  public static func escapeOrRefuse(_ s: String, attribute: Bool = false) throws(InvalidCharacter) -> String {
    var out = String.UnicodeScalarView()
    for (k, u) in s.unicodeScalars.enumerated() {
      guard isAllowed(u.value) else { throw InvalidCharacter(scalar: u.value, offset: k) }
      append(u, attribute: attribute, replacement: u, to: &out)
    }
    return String(out)
  }

  /// The escaped text of UTF-16 units (lone surrogates are replaced, they have no scalar).
  public static func escape(utf16 units: some Sequence<UInt16>, attribute: Bool = false,
                            replacement: Unicode.Scalar = "\u{FFFD}") -> String {
    let replacement = isAllowed(replacement.value) ? replacement : "\u{FFFD}"
    var out = String.UnicodeScalarView()
    for r in transcodeRepairing(units, replacement: replacement) {
      append(r, attribute: attribute, replacement: replacement, to: &out)
    }
    return String(out)
  }

  private static func transcodeRepairing(_ units: some Sequence<UInt16>, replacement: Unicode.Scalar) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    var decoder = UTF16()
    var it = units.makeIterator()
    loop: while true {
      switch decoder.decode(&it) {
      case let .scalarValue(v): out.append(v)
      case .emptyInput: break loop
      case .error: out.append(replacement)
      }
    }
    return out
  }

  @inline(__always)
  private static func append(_ u: Unicode.Scalar, attribute: Bool, replacement: Unicode.Scalar,
                             to out: inout String.UnicodeScalarView) {
    switch u {
    case "&": out.append(contentsOf: "&amp;".unicodeScalars)
    case "<": out.append(contentsOf: "&lt;".unicodeScalars)
    case ">": out.append(contentsOf: "&gt;".unicodeScalars)
    case "\r": out.append(contentsOf: "&#xD;".unicodeScalars)
    case "\"" where attribute: out.append(contentsOf: "&quot;".unicodeScalars)
    case "'" where attribute: out.append(contentsOf: "&apos;".unicodeScalars)
    case "\t" where attribute: out.append(contentsOf: "&#x9;".unicodeScalars)
    case "\n" where attribute: out.append(contentsOf: "&#xA;".unicodeScalars)
    default: out.append(isAllowed(u.value) ? u : replacement)
    }
  }
}
