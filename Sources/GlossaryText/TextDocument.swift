/// A decoded text with its UTF-16 units and line starts, so that ranges found
/// by ICU (UTF-16 offsets) can be reported as line:column or scalar offsets.
public struct TextDocument: Sendable {
  /// Display text: decoded, LF line ends, NFC.
  public let text: String
  /// The same text as UTF-16 units (what ICU works on).
  public let utf16: [UInt16]
  /// Where the text came from, for messages (`-` for standard input).
  public let path: String
  /// UTF-16 offsets at which each line starts (0 first).
  public let lineStarts: [Int]
  /// UTF-16 offsets of the lead surrogates (characters outside the BMP), ascending: where UTF-16
  /// and scalar offsets part. Binary-searched, so locating an offset is O(log n) even on one long line.
  private let surrogates: [Int]

  public init(text: String, path: String = "-") {
    self.text = text
    self.path = path
    let units = Array(text.utf16)
    self.utf16 = units
    var starts = [0]
    var surrogates: [Int] = []
    for (i, u) in units.enumerated() {
      if u == 0x0A { starts.append(i + 1) } else if UTF16.isLeadSurrogate(u) { surrogates.append(i) }
    }
    self.lineStarts = starts
    self.surrogates = surrogates
  }

  /// Reads and decodes a file (`-` for standard input).
  public init(contentsOf path: String) throws {
    self.init(text: try TextDecoder.read(path: path), path: path)
  }

  /// The text of a UTF-16 range.
  public func string(_ range: Range<Int>) -> String {
    String(decoding: utf16[range], as: UTF16.self)
  }

  /// 1-based line and column (column in Unicode scalars) of a UTF-16 offset.
  public func lineColumn(_ offset: Int) -> (line: Int, column: Int) {
    var lo = 0, hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    let start = lineStarts[lo]
    return (lo + 1, offset - start - (surrogatesBefore(offset) - surrogatesBefore(start)) + 1)
  }

  /// Offset in Unicode scalars of a UTF-16 offset (what Python's str indexes).
  public func scalarOffset(_ offset: Int) -> Int { offset - surrogatesBefore(offset) }

  /// Number of surrogate pairs that end at or before `offset` (a lead surrogate at
  /// `offset - 1`, inside the pair, does not count: the offset falls in its character).
  private func surrogatesBefore(_ offset: Int) -> Int {
    var lo = 0, hi = surrogates.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if surrogates[mid] + 1 < offset { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}
