import Foundation
import GlossaryKit

/// Formats concordance results as text (highlighted with colour on a terminal,
/// `[[...]]` otherwise), JSON or TSV, and pages long text on a terminal.
struct ConcordancePrinter {
  var color: Bool
  var sourceLanguage: String
  var targetLanguage: String
  private var out = Output()
  private var text = ""

  init(color: Bool, sourceLanguage: String, targetLanguage: String) {
    self.color = color
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }

  mutating func occurrences(_ list: [ConcordanceOccurrence], format: ConcordanceCommand.Format) {
    switch format {
    case .json:
      text = (try? jsonString(list.map(OccurrenceJSON.init))) ?? "[]"
      text += "\n"
    case .tsv:
      text = "document\tdate\tsource\ttarget\n"
      for o in list {
        text += [o.document, o.date.description, OneLine.flatten(o.source.text), OneLine.flatten(o.target.text)]
          .joined(separator: "\t") + "\n"
      }
    case .text:
      for o in list {
        let where_ = o.collection.isEmpty ? o.document : o.collection + "/" + o.document
        text += "\(o.date)  \(where_)\n"
        text += "  \(sourceLanguage)  \(marked(o.source, query: o.side == .source))\n"
        text += "  \(targetLanguage)  \(marked(o.target, query: o.side == .target))\n"
      }
      if !list.isEmpty {
        let documents = Set(list.map { $0.collection + "/" + $0.document }).count
        text += "\(list.count) sentence pair\(list.count == 1 ? "" : "s") in \(documents) document\(documents == 1 ? "" : "s")\n"
      }
    }
  }

  /// A sentence with its highlights: bold yellow (query) or bold green (rendering) on a terminal.
  private func marked(_ h: HighlightedText, query: Bool) -> String {
    h.pieces.map { piece -> String in
      let t = OneLine.flatten(piece.text)
      guard piece.highlighted else { return t }
      return color ? (query ? "\u{1B}[1;33m" : "\u{1B}[1;32m") + t + "\u{1B}[0m" : "[[" + t + "]]"
    }.joined()
  }

  mutating func renderings(_ split: RenderingSplit, format: ConcordanceCommand.Format) {
    switch format {
    case .json:
      text = ((try? jsonString(RenderingSplitJSON(split))) ?? "{}") + "\n"
    case .tsv:
      text = "year\trendering\toccurrences\n"
      for y in split.years {
        for r in split.renderings where (r.perYear[y] ?? 0) > 0 { text += "\(y)\t\(r.text)\t\(r.perYear[y]!)\n" }
        if let n = split.unaligned[y] { text += "\(y)\t\t\(n)\n" }
      }
    case .text:
      let years = split.years
      let span = years.isEmpty ? "" : ", \(years.first!)-\(years.last!)"
      text += "\(split.query): \(split.occurrences) occurrences in \(split.documents) documents\(span)\n"
      let letters = split.renderings.indices.map { label($0) }
      let width = min(48, split.renderings.map(\.text.count).max() ?? 0)
      for (i, r) in split.renderings.enumerated() {
        let pad = String(repeating: " ", count: max(0, width - r.text.count))
        text += "  \(letters[i])  \(r.text)\(pad)  \(r.occurrences)× in \(r.documents) documents, \(r.firstSeen) to \(r.lastSeen)\n"
      }
      let unaligned = split.unaligned.values.reduce(0, +)
      if unaligned > 0 { text += "  -  (no aligned rendering)  \(unaligned)×\n" }
      guard !years.isEmpty else { return }
      text += "\n  year " + letters.map { pad($0, 6) }.joined() + (unaligned > 0 ? pad("-", 6) : "") + "\n"
      for y in years {
        text += "  \(y) " + split.renderings.map { pad($0.perYear[y].map(String.init) ?? ".", 6) }.joined()
          + (unaligned > 0 ? pad(split.unaligned[y].map(String.init) ?? ".", 6) : "") + "\n"
      }
    }
  }

  private func label(_ i: Int) -> String { i < 26 ? String(UnicodeScalar(UInt8(65 + i))) : "\(i + 1)" }
  private func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(1, n - s.count)) + s }

  /// Writes the text, through `$PAGER` (default `less -FRX`) when asked and it is longer than the screen.
  func finish(page: Bool) throws {
    let lines = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
    var w = winsize()
    let rows = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0 && w.ws_row > 0 ? Int(w.ws_row) : 24
    let pager = ProcessInfo.processInfo.environment["PAGER"] ?? "less -FRX"
    if page, lines >= rows, !pager.isEmpty, pager != "cat" {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/bin/sh")
      p.arguments = ["-c", pager]
      let pipe = Pipe()
      p.standardInput = pipe
      if (try? p.run()) != nil {
        signal(SIGPIPE, SIG_IGN)
        pipe.fileHandleForWriting.write(Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        p.waitUntilExit()
        return
      }
    }
    var o = Output()
    o.write(text)
    try o.finish()
  }
}

/// JSON of an occurrence: offsets are Unicode scalar offsets into the sentence.
struct OccurrenceJSON: Encodable {
  struct Side: Encodable {
    var text: String
    var highlights: [[Int]]
    init(_ h: HighlightedText) {
      text = h.text
      let units = Array(h.text.utf16)
      func scalars(_ upTo: Int) -> Int {
        var n = 0, i = 0
        while i < upTo { i += UTF16.isLeadSurrogate(units[i]) && i + 1 < units.count ? 2 : 1; n += 1 }
        return n
      }
      highlights = h.highlights.map { [scalars($0.lowerBound), scalars($0.upperBound)] }
    }
  }
  var document: String
  var collection: String
  var date: String
  var side: String
  var source: Side
  var target: Side
  var rendering: String?

  init(_ o: ConcordanceOccurrence) {
    document = o.document
    collection = o.collection
    date = o.date.description
    side = o.side.rawValue
    source = Side(o.source)
    target = Side(o.target)
    rendering = o.rendering
  }
}

struct RenderingSplitJSON: Encodable {
  struct Rendering: Encodable {
    var text: String
    var occurrences: Int
    var documents: Int
    var firstSeen: String
    var lastSeen: String
    var perYear: [String: Int]
  }
  var query: String
  var occurrences: Int
  var documents: Int
  var renderings: [Rendering]
  var unaligned: [String: Int]

  init(_ s: RenderingSplit) {
    query = s.query
    occurrences = s.occurrences
    documents = s.documents
    renderings = s.renderings.map {
      Rendering(text: $0.text, occurrences: $0.occurrences, documents: $0.documents, firstSeen: $0.firstSeen.description,
                lastSeen: $0.lastSeen.description, perYear: Dictionary(uniqueKeysWithValues: $0.perYear.map { (String($0.key), $0.value) }))
    }
    unaligned = Dictionary(uniqueKeysWithValues: s.unaligned.map { (String($0.key), $0.value) })
  }
}
