import Foundation

/// Turns bytes from a file into display text: UTF-8 (a BOM is dropped),
/// CRLF and CR turned into LF, NFC. Rejects invalid UTF-8 and NUL bytes with
/// the line and column of the first bad byte.
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
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw TextError.fileNotFound(path: path)
    }
    if isDirectory.boolValue { throw TextError.unreadable(path: path, reason: "is a directory") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw TextError.unreadable(path: path, reason: "permission denied or I/O error")
    }
    return [UInt8](data)
  }

  /// Decodes bytes into display text.
  /// - Parameters:
  ///   - bytes: the file content.
  ///   - path: the name used in error messages.
  public static func decode(_ bytes: [UInt8], path: String) throws -> String {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let nul = body.firstIndex(of: 0) {
      let (line, column) = position(of: nul, in: body)
      throw TextError.nulByte(path: path, line: line, column: column)
    }
    guard var text = String(validating: body, as: UTF8.self) else {
      let bad = firstInvalidByte(body)
      let (line, column) = position(of: bad, in: body)
      throw TextError.invalidUTF8(path: path, line: line, column: column)
    }
    if body.contains(0x0D) {
      text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
    return try Normalization.nfc(text)
  }

  /// Index of the first byte of the first invalid UTF-8 sequence (RFC 3629:
  /// no overlongs, no surrogates, nothing above U+10FFFF).
  static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int {
    var i = bytes.startIndex
    let end = bytes.endIndex
    while i < end {
      let b = bytes[i]
      if b < 0x80 { i += 1; continue }
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
      guard i + length <= end, (low...high).contains(bytes[i + 1]) else { return i }
      for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
      i += length
    }
    return end
  }

  /// 1-based line and column (in characters decoded so far) of a byte index.
  private static func position(of index: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
    var line = 1
    var lineStart = bytes.startIndex
    for i in bytes.startIndex..<index where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    // Column counts scalars: continuation bytes (10xxxxxx) do not start one.
    let column = bytes[lineStart..<index].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    return (line, column)
  }
}
