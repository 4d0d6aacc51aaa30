import Foundation
import GlossaryText

/// Writes beads as Vecalign lines, TSV or JSON with offsets into the original files.
public struct AlignmentWriter {
  /// A document and the UTF-16 ranges of its sentences.
  public struct Side {
    public var document: TextDocument
    public var sentences: [Range<Int>]
    public init(document: TextDocument, sentences: [Range<Int>]) {
      self.document = document
      self.sentences = sentences
    }
    func text(_ r: Range<Int>) -> String {
      r.map { OneLine.flatten(document.string(sentences[$0])) }.joined(separator: " ")
    }
  }

  public var source: Side
  public var target: Side

  public init(source: Side, target: Side) {
    self.source = source
    self.target = target
  }

  /// One bead per line: `[0, 1]:[2]:0.812`.
  public func vecalign(_ beads: [Bead]) -> String {
    beads.map { $0.vecalignLine + "\n" }.joined()
  }

  /// `source<TAB>target<TAB>score`, sentences of a bead joined by one space.
  public func tsv(_ beads: [Bead]) -> String {
    beads.map { source.text($0.source) + "\t" + target.text($0.target) + "\t" + formatScore($0.score) + "\n" }.joined()
  }

  /// A JSON array of beads (pretty-printed, keys sorted).
  public func json(_ beads: [Bead]) throws -> String {
    let entries = beads.map { b in
      BeadJSON(
        source: SideJSON(b.source, in: source), target: SideJSON(b.target, in: target),
        score: (b.score * 1000).rounded() / 1000, lowConfidence: b.isLowConfidence)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
  }

  struct BeadJSON: Encodable {
    var source: SideJSON
    var target: SideJSON
    var score: Double
    var lowConfidence: Bool
  }

  struct SideJSON: Encodable {
    var indices: [Int]
    var text: String
    /// Unicode scalar offsets into the file's decoded text (start, end); absent for an empty side.
    var start: Int?
    var end: Int?
    /// 1-based line and column (Unicode scalars) of the start.
    var line: Int?
    var column: Int?

    init(_ r: Range<Int>, in side: Side) {
      indices = Array(r)
      text = side.text(r)
      guard let first = r.first, let last = r.last else { return }
      let lo = side.sentences[first].lowerBound, hi = side.sentences[last].upperBound
      start = side.document.scalarOffset(lo)
      end = side.document.scalarOffset(hi)
      (line, column) = side.document.lineColumn(lo)
    }
  }
}
