import CICU

/// Thin Swift wrappers over the CICU shim. ICU statuses <= 0 are success or
/// warnings (ubrk_open(..., "zh") returns -127); only codes > 0 are failures.
enum ICU {
  static let bufferOverflow: Int32 = 15

  static func check(_ status: Int32, _ operation: String) throws {
    if status > 0 { throw TextError.icu(operation: operation, code: status) }
  }

  enum Form: Int32 {
    case nfc = 0, nfkcCasefold = 1, nfd = 2
  }

  /// Normalizes a UTF-16 buffer, retrying once with the exact size on overflow.
  static func normalize(_ form: Form, _ src: UnsafeBufferPointer<UInt16>, into out: inout [UInt16]) throws {
    var status: Int32 = 0
    let capacity = max(16, src.count + src.count / 2 + 8)
    out.removeAll(keepingCapacity: true)
    var needed: Int32 = 0
    out = [UInt16](unsafeUninitializedCapacity: capacity) { buf, count in
      needed = cicu_normalize(form.rawValue, src.baseAddress, Int32(src.count), buf.baseAddress, Int32(capacity), &status)
      count = status > 0 ? 0 : Int(needed)
    }
    if status == bufferOverflow {
      status = 0
      let cap2 = Int(needed)
      out = [UInt16](unsafeUninitializedCapacity: cap2) { buf, count in
        let n = cicu_normalize(form.rawValue, src.baseAddress, Int32(src.count), buf.baseAddress, Int32(cap2), &status)
        count = status > 0 ? 0 : Int(n)
      }
    }
    try check(status, "normalize")
  }

  /// Length of the prefix of `src` that the form leaves unchanged.
  static func normalizedSpan(_ form: Form, _ src: UnsafeBufferPointer<UInt16>) -> Int {
    var status: Int32 = 0
    let n = cicu_normalized_span(form.rawValue, src.baseAddress, Int32(src.count), &status)
    return status > 0 ? 0 : Int(n)
  }

  static func hasBoundaryBefore(_ form: Form, _ codePoint: UInt32) -> Bool {
    cicu_has_boundary_before(form.rawValue, codePoint) != 0
  }

  static func script(_ codePoint: UInt32) -> Int32 { cicu_script(codePoint) }

  static func scriptShortName(_ script: Int32) -> String {
    var buf = [CChar](repeating: 0, count: 16)
    _ = cicu_script_short_name(script, &buf, 16)
    return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func charType(_ codePoint: UInt32) -> Int32 { cicu_char_type(codePoint) }

  static func localeIsAvailable(_ locale: String) -> Bool { cicu_locale_is_available(locale) != 0 }

  static var version: String {
    var buf = [CChar](repeating: 0, count: 32)
    cicu_version(&buf, 32)
    return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// ICU script codes used for token kinds and language guessing (UScriptCode).
public enum ScriptCode {
  public static let common: Int32 = 0
  public static let inherited: Int32 = 1
  public static let han: Int32 = 17
  public static let latin: Int32 = 25
  public static let hiragana: Int32 = 20
  public static let katakana: Int32 = 22
  public static let hangul: Int32 = 18
  public static let greek: Int32 = 14
}

/// An ICU transliterator (e.g. "Traditional-Simplified"). Not thread-safe:
/// open one per thread and reuse it; opening is expensive.
final class Transliterator {
  private let handle: UnsafeMutableRawPointer

  init(id: String) throws {
    var status: Int32 = 0
    let units = Array(id.utf16)
    guard let h = cicu_trans_open(units, Int32(units.count), &status) else {
      throw TextError.icu(operation: "open transliterator \(id)", code: status == 0 ? 1 : status)
    }
    handle = h
  }

  deinit { cicu_trans_close(handle) }

  /// Transliterates a UTF-16 buffer, growing it when the result is longer.
  func apply(_ units: [UInt16]) throws -> [UInt16] {
    var capacity = units.count * 4 + 16
    while true {
      var buf = units
      buf.append(contentsOf: repeatElement(0, count: capacity - units.count))
      var length = Int32(units.count)
      var status: Int32 = 0
      buf.withUnsafeMutableBufferPointer { p in
        cicu_trans_apply(handle, p.baseAddress, &length, Int32(capacity), &status)
      }
      if status == ICU.bufferOverflow { capacity = Int(length) + 16; continue }
      try ICU.check(status, "transliterate")
      buf.removeLast(buf.count - Int(length))
      return buf
    }
  }

  func apply(_ s: String) throws -> String {
    String(decoding: try apply(Array(s.utf16)), as: UTF16.self)
  }
}

/// The kinds of ICU break iterator.
public enum BreakKind: Int32, Sendable {
  case character = 0, word = 1, line = 2, sentence = 3
}

/// An ICU break iterator bound to a locale. Not thread-safe: one per thread.
final class BreakIterator {
  private let handle: UnsafeMutableRawPointer
  private var boundaries: [Int32] = []
  private var statuses: [Int32] = []

  init(kind: BreakKind, locale: String) throws {
    var status: Int32 = 0
    guard let h = locale.withCString({ cicu_brk_open(kind.rawValue, $0, &status) }) else {
      throw TextError.icu(operation: "open break iterator (\(locale))", code: status == 0 ? 1 : status)
    }
    handle = h
  }

  deinit { cicu_brk_close(handle) }

  /// Calls `body` with the boundaries (UTF-16 offsets, first 0, last text.count)
  /// and the rule status of the segment that ends at each boundary.
  func withBoundaries<R>(
    of text: UnsafeBufferPointer<UInt16>,
    _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) throws -> R
  ) throws -> R {
    var capacity = max(boundaries.count, text.count / 2 + 16)
    while true {
      if boundaries.count < capacity {
        boundaries = [Int32](repeating: 0, count: capacity)
        statuses = [Int32](repeating: 0, count: capacity)
      }
      var status: Int32 = 0
      let n = boundaries.withUnsafeMutableBufferPointer { b in
        statuses.withUnsafeMutableBufferPointer { s in
          cicu_brk_boundaries(handle, text.baseAddress, Int32(text.count), b.baseAddress, s.baseAddress, Int32(capacity), &status)
        }
      }
      try ICU.check(status, "break iteration")
      if Int(n) > capacity { capacity = Int(n); continue }
      return try boundaries.withUnsafeBufferPointer { b in
        try statuses.withUnsafeBufferPointer { s in
          try body(UnsafeBufferPointer(rebasing: b[0..<Int(n)]), UnsafeBufferPointer(rebasing: s[0..<Int(n)]))
        }
      }
    }
  }
}

/// The version of the system ICU in use, e.g. "72.1".
public var icuVersion: String { ICU.version }
