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

  /// Index of the first byte that does not start a valid UTF-8 sequence.
  private static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int {
    var decoder = UTF8()
    var iterator = CountingIterator(base: bytes.makeIterator())
    var start = bytes.startIndex
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue:
        start = bytes.startIndex + iterator.consumed
      case .emptyInput:
        return bytes.endIndex
      case .error:
        return start
      }
    }
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

  private struct CountingIterator: IteratorProtocol {
    var base: ArraySlice<UInt8>.Iterator
    var consumed = 0
    mutating func next() -> UInt8? {
      let b = base.next()
      if b != nil { consumed += 1 }
      return b
    }
  }
}
