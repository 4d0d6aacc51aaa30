import Foundation

/// A glossary: its two languages, header comments and rows (renderings).
///
/// A concept is one source term; its rows are its renderings. Rows are kept in
/// file order (``GlossaryEntry/fileOrder(_:_:)``) by ``sort()`` and on save.
///
/// ```swift
/// var g = Glossary(sourceLanguage: "zh", targetLanguage: "en")
/// g.entries.append(GlossaryEntry(source: "一带一路", target: "the Belt and Road Initiative", status: .preferred))
/// let text = g.tsv()          // header + rows, format version 1
/// ```
public struct Glossary: Equatable, Sendable {
  public var sourceLanguage: String
  public var targetLanguage: String
  /// Comment lines (with their leading `#`), written at the top.
  public var comments: [String]
  public var entries: [GlossaryEntry]
  /// Problems that do not stop loading (e.g. deprecated without replacement, unknown tag).
  public var warnings: [GlossaryProblem] = []
  /// 1-based file line of each entry when loaded from a file (parallel to `entries`), else empty.
  public var lineNumbers: [Int] = []

  /// The columns after the two language columns, in the order written.
  public static let columns = [
    "status", "valid_from", "valid_to", "replaced_by", "tags", "note", "score", "occurrences", "seen_in",
    "examples", "reviewer", "reviewed",
  ]

  /// Tags the format knows.
  public static let knownTags: Set<String> = [
    "title", "body", "initiative", "principle", "formulation", "relation", "event", "person", "place", "covid", "party",
    "form",
  ]

  public init(sourceLanguage: String = "zh", targetLanguage: String = "en", comments: [String] = [], entries: [GlossaryEntry] = []) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.comments = comments
    self.entries = entries
  }

  public static func == (a: Glossary, b: Glossary) -> Bool {
    a.sourceLanguage == b.sourceLanguage && a.targetLanguage == b.targetLanguage && a.comments == b.comments
      && a.entries == b.entries
  }

  /// Sorts rows into file order.
  public mutating func sort() {
    entries.sort(by: GlossaryEntry.fileOrder)
    lineNumbers = []
  }

  /// Concepts: source terms with their renderings, in file order.
  public var concepts: [(source: String, entries: [GlossaryEntry])] {
    var order: [String] = []
    var groups: [String: [GlossaryEntry]] = [:]
    for e in entries {
      if groups[e.source] == nil { order.append(e.source) }
      groups[e.source, default: []].append(e)
    }
    return order.map { ($0, groups[$0]!.sorted(by: GlossaryEntry.fileOrder)) }
  }

  /// Index of the row with this source and target, if any.
  public func index(source: String, target: String) -> Int? {
    entries.firstIndex { $0.source == source && $0.target == target }
  }

  // MARK: Validation

  /// Checks the rules between rows: duplicates, and two preferred renderings
  /// of one source term valid on the same day. Per-row rules are checked when parsing.
  /// - Returns: errors, and warnings (rules a curator may break on purpose).
  public func crossRowProblems(path: String) -> (errors: [GlossaryProblem], warnings: [GlossaryProblem]) {
    var errors: [GlossaryProblem] = []
    var warnings: [GlossaryProblem] = []
    func line(_ i: Int) -> Int { i < lineNumbers.count ? lineNumbers[i] : 0 }
    var seen: [String: Int] = [:]
    var preferredBySource: [String: [Int]] = [:]
    for (i, e) in entries.enumerated() {
      let key = e.source + "\t" + e.target
      if let first = seen[key] {
        let at = line(first) > 0 ? " (first at line \(line(first)))" : ""
        errors.append(.init(path: path, line: line(i), message: "duplicate row \(e.source) -> \(e.target)\(at)"))
      } else {
        seen[key] = i
      }
      if e.status == .preferred {
        for j in preferredBySource[e.source, default: []] where entries[j].overlaps(e) {
          errors.append(.init(path: path, line: line(i), message:
            "two preferred renderings of \(e.source) valid at the same time: \"\(entries[j].target)\" and \"\(e.target)\" (set valid_from/valid_to or make one admitted)"))
        }
        preferredBySource[e.source, default: []].append(i)
      }
      if (e.status == .deprecated || e.status == .superseded) && e.replacedBy.isEmpty {
        warnings.append(.init(path: path, line: line(i), message: "\(e.status.rawValue) rendering \"\(e.target)\" has no replaced_by"))
      }
      if e.status == .superseded && e.validTo == nil {
        warnings.append(.init(path: path, line: line(i), message: "superseded rendering \"\(e.target)\" has no valid_to"))
      }
      for t in e.tags where !Glossary.knownTags.contains(t) {
        warnings.append(.init(path: path, line: line(i), message: "unknown tag \"\(t)\""))
      }
    }
    return (errors, warnings)
  }
}
