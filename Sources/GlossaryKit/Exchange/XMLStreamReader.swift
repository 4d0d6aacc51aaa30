import CXML

/// A streaming XML reader over the system libxml2 (through the CXML shim):
/// one node at a time, so a termbase of a million entries streams in bounded
/// memory. Hardened for files from elsewhere: no network, no DTD loading, no
/// entity substitution (entity references are refused), element depth and
/// attributes per element limited. Any error, well-formedness included, throws
/// with line and column: a reader never yields part of a broken document.
///
/// ```swift
/// let r = try XMLStreamReader(path: "a.tbx")
/// while case let node = try r.next(), node != .end { ... }
/// ```
final class XMLStreamReader {
  enum Node: Equatable {
    /// An element starts (``isEmptyElement``: it also ends, no `.close` follows).
    case open(String)
    /// An element ends.
    case close
    /// Text (or CDATA, or whitespace) inside an element.
    case text(String)
    /// The end of a well-formed document.
    case end
  }

  /// Deepest element nesting accepted (TBX needs about 10).
  static let maxDepth = 64
  /// Most attributes on one element (TBX uses at most 5).
  static let maxAttributes = 64

  let path: String
  private let reader: OpaquePointer

  init(path: String, maxDepth: Int = XMLStreamReader.maxDepth, maxAttributes: Int = XMLStreamReader.maxAttributes) throws {
    self.path = path
    guard let r = cxml_open(path, Int32(maxDepth), Int32(maxAttributes)) else {
      throw GlossaryError.importFailed(path: path, line: 0, reason: "out of memory opening the XML reader")
    }
    reader = r
  }

  deinit { cxml_close(reader) }

  /// The next node.
  /// - Throws: `GlossaryError.importFailed` with line and column for any error in the document.
  func next() throws -> Node {
    switch Int(cxml_next(reader)) {
    case Int(CXML_START): return .open(string(cxml_name))
    case Int(CXML_END): return .close
    case Int(CXML_TEXT): return .text(string(cxml_text))
    case Int(CXML_EOF): return .end
    default:
      var n: Int32 = 0
      let p = cxml_error_message(reader, &n)
      let message = p.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(n)), as: UTF8.self) } ?? "not well-formed XML"
      let line = Int(cxml_error_line(reader)), column = Int(cxml_error_column(reader))
      throw GlossaryError.importFailed(
        path: path, line: line, reason: (column > 0 ? "column \(column): " : "") + "XML: \(message); nothing was imported")
    }
  }

  /// Whether the element just opened is empty (`<x/>`).
  var isEmptyElement: Bool { cxml_is_empty(reader) != 0 }

  /// Line of the current node.
  var line: Int { Int(cxml_line(reader)) }

  /// An attribute of the element just opened, by qualified name (`type`, `id`, `xml:lang`).
  func attribute(_ name: String) -> String? {
    var n: Int32 = 0
    guard let p = cxml_attribute(reader, name, &n) else { return nil }
    return String(decoding: UnsafeBufferPointer(start: p, count: Int(n)), as: UTF8.self)
  }

  private func string(_ get: (OpaquePointer?, UnsafeMutablePointer<Int32>?) -> UnsafePointer<UInt8>?) -> String {
    var n: Int32 = 0
    guard let p = get(reader, &n) else { return "" }
    return String(decoding: UnsafeBufferPointer(start: p, count: Int(n)), as: UTF8.self)
  }
}
