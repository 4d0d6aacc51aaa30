import Foundation

/// Turns bytes from a file into display text: UTF-8 (a BOM is dropped),
/// CRLF and CR turned into LF, NFC. Rejects invalid UTF-8 and NUL bytes with
/// the line and column of the first bad byte.
///
/// One pass over the bytes validates them and fixes line ends; NFC runs only
/// when ICU's quick check finds text that is not NFC already.
public enum TextDecoder {
  /// Reads and decodes a file; `-` reads standard input.
  /// - Throws: `TextError.fileNotFound`, `.unreadable`, `.invalidUTF8`, `.nulByte`.
  public static func read(path: String) throws -> String {
    try decode(readBytes(path: path), path: path)
  }

  /// Reads a file's raw bytes; `-` reads standard input.
  public static func readBytes(path: String) throws -> [UInt8] {
    if path == "-" {
      return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
    try checkReadable(path: path)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw TextError.unreadable(path: path, reason: "permission denied or I/O error")
    }
    return [UInt8](data)
  }

  /// Throws `TextError.fileNotFound` or `.unreadable` (a directory) unless `path` is a file.
  public static func checkReadable(path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw TextError.fileNotFound(path: path)
    }
    if isDirectory.boolValue { throw TextError.unreadable(path: path, reason: "is a directory") }
  }

  /// Decodes bytes into display text.
  /// - Parameters:
  ///   - bytes: the file content.
  ///   - path: the name used in error messages.
  public static func decode(_ bytes: [UInt8], path: String) throws -> String {
    var quickNFC = false
    let text: String = try bytes.withUnsafeBufferPointer { all in
      var body = all
      if all.count >= 3, all[0] == 0xEF, all[1] == 0xBB, all[2] == 0xBF { body = UnsafeBufferPointer(rebasing: all[3...]) }
      try validate(body, path: path)
      // Code points below U+0300 (lead bytes below 0xCC) are NFC whatever follows them.
      quickNFC = !body.contains { $0 >= 0xCC }
      guard body.contains(0x0D) else { return String(decoding: body, as: UTF8.self) }
      // CRLF and CR -> LF, in the bytes (CR never occurs inside a multi-byte sequence).
      return String(unsafeUninitializedCapacity: body.count) { out in
        var n = 0
        var i = 0
        while i < body.count {
          let b = body[i]
          if b == 0x0D {
            out[n] = 0x0A
            if i + 1 < body.count, body[i + 1] == 0x0A { i += 1 }
          } else {
            out[n] = b
          }
          n += 1
          i += 1
        }
        return n
      }
    }
    return quickNFC ? text : try Normalization.nfc(text)
  }

  /// Throws `TextError.nulByte` or `.invalidUTF8` (with line and column) unless
  /// `bytes` are valid UTF-8 without NUL.
  public static func validate(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
    let bad = firstInvalidByte(bytes)
    guard bad < bytes.count else { return }
    let (line, column) = position(of: bad, in: bytes)
    if bytes[bad] == 0 { throw TextError.nulByte(path: path, line: line, column: column) }
    throw TextError.invalidUTF8(path: path, line: line, column: column)
  }

  /// Index of the first NUL byte or first byte of the first invalid UTF-8
  /// sequence (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
  static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var i = 0
    let end = bytes.count
    while i < end {
      let b = bytes[i]
      if b < 0x80 {
        if b == 0 { return i }
        i += 1
        continue
      }
      var length = 0
      var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return i
      }
      guard i + length <= end, bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
      for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
      i += length
    }
    return end
  }

  /// 1-based line and column (in characters decoded so far) of a byte index.
  /// A CRLF counts as one line end, a lone CR as one.
  private static func position(of index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    var i = 0
    while i < index {
      let b = bytes[i]
      if b == 0x0A || (b == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    // Column counts scalars: continuation bytes (10xxxxxx) do not start one.
    var column = 1
    for k in lineStart..<index where bytes[k] & 0xC0 != 0x80 { column += 1 }
    return (line, column)
  }
}
