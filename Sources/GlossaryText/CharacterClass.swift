import CICU

/// THE definition of character classes in this project ("is this Han?",
/// "is this a letter?", "is this CJK punctuation?"): every module asks here,
/// nobody writes code-point ranges.
///
/// Each class comes from ICU properties (through the C shim), never from
/// hand-written ranges:
///
/// | class | ICU properties |
/// |---|---|
/// | `letter`, `mark`, `number`, `punctuation`, `symbol`, `control` | General_Category L*, M*, N*, P*, S*, Cc |
/// | `digit` | General_Category Nd (decimal digits of any script) |
/// | `whitespace` | White_Space |
/// | `lineBreak` | Line_Break BK, CR, LF or NL (LF, CR, VT, FF, NEL, U+2028, U+2029) |
/// | `han` | Alphabetic and Script=Han: ideographs of every CJK block and plane, 々 and 〇; not radicals, not kana, not CJK punctuation, not emoji |
/// | `kana` | Alphabetic and Script_Extensions contains Hiragana or Katakana (ー included) |
/// | `hangul` | Alphabetic and Script=Hangul |
/// | `latin` | Alphabetic and Script=Latin |
/// | `cjkPunctuation` | P* and East_Asian_Width Wide or Fullwidth (。，、《》「」（）・) |
/// | `unspaced` | L*, M* or N* with Line_Break ID, SA or CJ, or `han` or `kana` (々 is Line_Break NS): letters of scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) |
/// | `wide` | East_Asian_Width Wide or Fullwidth: two terminal columns (ideographs, kana, Hangul syllables, fullwidth forms, most emoji) |
///
/// Speed: the classes of each block of 256 code points are computed from ICU
/// once per process, on first use, into an immutable table (thread-safe, about
/// 40 µs per block touched); after that a class is one table read, for the
/// supplementary planes too.
///
/// ```swift
/// CharacterClass.of("中").contains(.han)             // true
/// CharacterClass.of("。").contains(.cjkPunctuation)  // true
/// CharacterClass.isHan(codePoint: 0x3042)           // false: あ is kana
/// ```
public struct CharacterClass: OptionSet, Sendable, Hashable {
  public let rawValue: UInt16
  @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

  public static let letter = CharacterClass(rawValue: UInt16(CICU_CLASS_LETTER))
  public static let mark = CharacterClass(rawValue: UInt16(CICU_CLASS_MARK))
  public static let number = CharacterClass(rawValue: UInt16(CICU_CLASS_NUMBER))
  public static let digit = CharacterClass(rawValue: UInt16(CICU_CLASS_DIGIT))
  public static let punctuation = CharacterClass(rawValue: UInt16(CICU_CLASS_PUNCTUATION))
  public static let symbol = CharacterClass(rawValue: UInt16(CICU_CLASS_SYMBOL))
  public static let whitespace = CharacterClass(rawValue: UInt16(CICU_CLASS_WHITESPACE))
  public static let lineBreak = CharacterClass(rawValue: UInt16(CICU_CLASS_LINE_BREAK))
  public static let han = CharacterClass(rawValue: UInt16(CICU_CLASS_HAN))
  public static let kana = CharacterClass(rawValue: UInt16(CICU_CLASS_KANA))
  public static let hangul = CharacterClass(rawValue: UInt16(CICU_CLASS_HANGUL))
  public static let latin = CharacterClass(rawValue: UInt16(CICU_CLASS_LATIN))
  public static let cjkPunctuation = CharacterClass(rawValue: UInt16(CICU_CLASS_CJK_PUNCTUATION))
  public static let unspaced = CharacterClass(rawValue: UInt16(CICU_CLASS_UNSPACED))
  public static let control = CharacterClass(rawValue: UInt16(CICU_CLASS_CONTROL))
  public static let wide = CharacterClass(rawValue: UInt16(CICU_CLASS_WIDE))

  /// Units of words: letters, marks and numbers (the complement separates words).
  public static let wordCharacter: CharacterClass = [.letter, .mark, .number]

  /// THE display width of this project (terminal columns, review screen and line editor):
  /// 2 for `wide`, 0 for controls, marks and characters of no class (format characters
  /// such as U+200B, unassigned code points), else 1.
  @inlinable public static func columns(_ scalar: Unicode.Scalar) -> Int {
    let c = of(scalar)
    if c.contains(.wide) { return 2 }
    return c.isEmpty || !c.isDisjoint(with: [.control, .mark]) ? 0 : 1
  }

  /// Terminal columns of a string (the sum of ``columns(_:)`` over its scalars).
  public static func columns(of text: some StringProtocol) -> Int {
    var n = 0
    for u in text.unicodeScalars { n += columns(u) }
    return n
  }

  // MARK: Entry points

  /// The classes of a code point (empty above U+10FFFF).
  @inlinable public static func of(codePoint: UInt32) -> CharacterClass {
    CharacterClass(rawValue: cicu_class(codePoint))
  }

  /// The classes of a scalar.
  @inlinable public static func of(_ scalar: Unicode.Scalar) -> CharacterClass {
    CharacterClass(rawValue: cicu_class(scalar.value))
  }

  /// The classes of one UTF-16 code unit: a BMP character; a surrogate (half of
  /// a supplementary character) has none: use ``of(utf16:at:)`` on buffers.
  @inlinable public static func of(utf16 unit: UInt16) -> CharacterClass {
    UTF16.isSurrogate(unit) ? [] : CharacterClass(rawValue: cicu_class(UInt32(unit)))
  }

  /// The classes of the character at `i` of a UTF-16 buffer and its width in
  /// units (2 for a surrogate pair; a lone surrogate has no class and width 1).
  @inlinable public static func of(utf16 units: UnsafeBufferPointer<UInt16>, at i: Int) -> (CharacterClass, width: Int) {
    let cp = Self.codePoint(utf16: units, at: i)
    return (cp.value < 0xD800 || cp.value > 0xDFFF ? of(codePoint: cp.value) : [], cp.width)
  }

  /// The classes of the character starting at byte `i` of UTF-8 text and its
  /// width in bytes (a malformed byte has no class and width 1).
  @inlinable public static func of(utf8 bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (CharacterClass, width: Int) {
    let cp = Self.codePoint(utf8: bytes, at: i)
    return (cp.valid ? of(codePoint: cp.value) : [], cp.width)
  }

  // MARK: Shorthands for the common questions

  /// Whether a code point is a Han character (see the table above).
  @inlinable public static func isHan(codePoint: UInt32) -> Bool { of(codePoint: codePoint).contains(.han) }
  /// Whether a UTF-16 unit is a Han character of the BMP (surrogates: false).
  @inlinable public static func isHan(utf16 unit: UInt16) -> Bool { of(utf16: unit).contains(.han) }
  /// Whether a scalar is a Han character.
  @inlinable public static func isHan(_ scalar: Unicode.Scalar) -> Bool { of(scalar).contains(.han) }

  // MARK: Decoding (no validation beyond what the class needs)

  /// The code point at `i` of a UTF-16 buffer and its width (a lone surrogate is returned as itself).
  @inlinable public static func codePoint(utf16 u: UnsafeBufferPointer<UInt16>, at i: Int) -> (value: UInt32, width: Int) {
    let a = u[i]
    if UTF16.isLeadSurrogate(a), i + 1 < u.count, UTF16.isTrailSurrogate(u[i + 1]) {
      return (0x10000 + ((UInt32(a) - 0xD800) << 10) + (UInt32(u[i + 1]) - 0xDC00), 2)
    }
    return (UInt32(a), 1)
  }

  /// The code point starting at byte `i` of UTF-8 text, its width, and whether it was well formed.
  @inlinable public static func codePoint(utf8 b: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, width: Int, valid: Bool) {
    let lead = b[i]
    if lead < 0x80 { return (UInt32(lead), 1, true) }
    let width = lead >= 0xF0 && lead < 0xF5 ? 4 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0
    guard width > 0, i + width <= b.count else { return (UInt32(lead), 1, false) }
    var v = UInt32(lead) & (0xFF >> (width + 1))
    for k in 1..<width {
      let c = b[i + k]
      guard c & 0xC0 == 0x80 else { return (UInt32(lead), 1, false) }
      v = v << 6 | UInt32(c & 0x3F)
    }
    return (v, width, true)
  }
}
