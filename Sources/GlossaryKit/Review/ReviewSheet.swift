import Foundation

/// The spreadsheet workflow: candidates out as CSV with empty decision
/// columns, filled-in decisions back in.
///
/// The sheet is RFC 4180 CSV (CRLF, quotes only where needed) with a UTF-8
/// BOM, because Excel takes a BOM-less CSV for the local code page and
/// LibreOffice opens both; the reader accepts both, CRLF or LF, and columns
/// in any order (matched by header name, case-insensitive).
///
/// Decisions (column `decision`, case-insensitive): `accept`, `reject`,
/// `edit` (needs `new_target`), `variant`, `deprecate` (`replacement`, or the
/// concept's preferred rendering), `skip`, or empty. `note` is written to the
/// row whatever the decision. They follow the session's rules
/// (``ReviewAction``): once a concept has a preferred rendering from the
/// sheet, its candidates with an empty decision become `rejected`; `skip`
/// keeps a candidate for later.
public enum ReviewSheet {
  /// Sheet columns, in the order written.
  public static let columns = [
    "concept", "source", "target", "score", "documents", "years", "example_source", "example_target",
    "decision", "new_target", "replacement", "note",
  ]

  /// Decision words accepted in the `decision` column.
  public static let decisions = ["accept", "reject", "edit", "variant", "deprecate", "skip"]

  /// The sheet for the candidates of `glossary` (session order and filters from `options`).
  public static func export(_ glossary: Glossary, options: ReviewOptions = ReviewOptions(), normalizer: MatchKeyNormalizer) -> String {
    let builder = ReviewQueueBuilder(normalizer: normalizer)
    var rows = [columns]
    for id in builder.conceptIDs(in: glossary, options: options) {
      for c in builder.concept(id, in: glossary, relatedLimit: 0).candidates {
        let example = c.examples.first
        rows.append([
          id, c.source, c.target, c.score.map { String(format: "%.3f", $0) } ?? "", String(c.documents), years(c),
          example?.source ?? "", example?.target ?? "", "", "", "", c.note,
        ])
      }
    }
    return "\u{FEFF}" + ReviewCSV.render(rows)
  }

  /// `2013-2017` (first and last year seen), `2019`, or empty.
  public static func years(_ e: GlossaryEntry) -> String {
    guard let a = e.firstSeen?.year, let b = e.lastSeen?.year else { return "" }
    return a == b ? String(a) : "\(a)-\(b)"
  }

  /// What applying a sheet did.
  public struct Report: Equatable, Sendable {
    /// Rows whose decision was written.
    public var applied = 0
    /// Rows already in the state the decision asks for (the sheet was applied before).
    public var unchanged = 0
    /// Rows with an empty decision or `skip`.
    public var undecided = 0
    /// Candidates rejected because another rendering of their concept was chosen.
    public var notChosen = 0
    /// `file:line: reason` for every row that could not be applied.
    public var problems: [String] = []
  }

  private struct Row {
    var line: Int
    var concept: String
    var source: String
    var target: String
    var decision: String
    var newTarget: String
    var replacement: String
    var note: String
  }

  /// Applies the decisions of a sheet to `storage` in one locked write.
  /// Rows that cannot be applied are reported and the rest applied.
  /// - Parameter sheetPath: the sheet's path, for `file:line` messages.
  /// - Throws: `ReviewError.badSheet` when the sheet cannot be read at all (nothing written).
  public static func apply(
    sheet text: String, sheetPath: String, to storage: ReviewStorage, reviewer: String, date: ISODate
  ) throws -> Report {
    let records = try ReviewCSV.parse(text, path: sheetPath)
    guard let header = records.first else { throw ReviewError.badSheet(path: sheetPath, line: 0, reason: "empty sheet") }
    var column: [String: Int] = [:]
    for (i, name) in header.fields.enumerated() {
      column[name.trimmingCharacters(in: .whitespaces).lowercased()] = column[name.trimmingCharacters(in: .whitespaces).lowercased()] ?? i
    }
    for required in ["source", "target", "decision"] where column[required] == nil {
      throw ReviewError.badSheet(path: sheetPath, line: header.line, reason: "no \"\(required)\" column in the header")
    }
    func value(_ r: ReviewCSV.Record, _ name: String) -> String {
      guard let i = column[name], i < r.fields.count else { return "" }
      return r.fields[i]
    }
    var rows: [Row] = []
    for r in records.dropFirst() {
      rows.append(
        Row(
          line: r.line, concept: value(r, "concept").trimmingCharacters(in: .whitespaces), source: value(r, "source").trimmingCharacters(in: .whitespaces),
          target: value(r, "target").trimmingCharacters(in: .whitespaces),
          decision: value(r, "decision").trimmingCharacters(in: .whitespaces).lowercased(),
          newTarget: value(r, "new_target"), replacement: value(r, "replacement"), note: value(r, "note")))
    }
    return try storage.modify { g in
      var report = Report()
      var problems: [(line: Int, text: String)] = []
      func problem(_ row: Row, _ reason: String) { problems.append((row.line, "\(sheetPath):\(row.line): \(reason)")) }
      // Choices of a preferred rendering first, so that deprecations can name it implicitly.
      let rank: [String: Int] = ["accept": 0, "edit": 0]
      let ordered = rows.enumerated().sorted { (rank[$0.element.decision] ?? 1, $0.offset) < (rank[$1.element.decision] ?? 1, $1.offset) }
      var chosen: Set<String> = []
      var explicitlyKept: Set<String> = []
      let lang = g.targetLanguage
      func rendering(_ id: String, _ text: String) -> Term? {
        g.concept(id: id)?.terms.first { Glossary.sameLanguage($0.language, lang) && $0.text == text }
      }
      for (_, row) in ordered {
        guard !row.source.isEmpty || !row.target.isEmpty || !row.decision.isEmpty else { continue }
        // Fields checked at the boundary with the glossary's own rule, naming the sheet's line.
        let fields = [("note", row.note, true), ("new_target", row.newTarget, false), ("replacement", row.replacement, false)]
        if let bad = fields.lazy.compactMap({ f in ConceptRules.textProblem(f.1, allowLineBreaks: f.2).map { "\(f.0): \($0)" } }).first {
          problem(row, bad)
          continue
        }
        let found = row.concept.isEmpty ? g.conceptID(source: row.source, target: row.target) : row.concept
        guard let id = found, let current = rendering(id, row.target) else {
          problem(row, "unknown term \(row.source) -> \(row.target)\(row.concept.isEmpty ? "" : " in concept \(row.concept)"): not in \(storage.path)")
          continue
        }
        let action: ReviewAction?
        let wanted: TermStatus?
        switch row.decision {
        case "": (action, wanted) = (nil, nil)
        case "skip": (action, wanted) = (.skip, nil)
        case "accept": (action, wanted) = (.accept, .preferred)
        case "reject": (action, wanted) = (.reject, .rejected)
        case "variant": (action, wanted) = (.variant, .admitted)
        case "deprecate": (action, wanted) = (.deprecate(replacement: row.replacement), .deprecated)
        case "edit":
          guard !row.newTarget.trimmingCharacters(in: .whitespaces).isEmpty else {
            problem(row, "decision \"edit\" needs the new rendering in the new_target column")
            continue
          }
          (action, wanted) = (.edit(row.newTarget), nil)
        default:
          problem(row, "bad decision \"\(row.decision)\": use one of \(decisions.joined(separator: ", ")) or leave it empty")
          continue
        }
        let noteChanged = !row.note.isEmpty && row.note != current.note
        if current.status != .candidate {
          let done: Bool
          if case .edit(let t) = action {
            done = rendering(id, t.trimmingCharacters(in: .whitespaces))?.status == .preferred
          } else {
            done = action == nil || action == .skip || wanted == current.status
          }
          if done { report.unchanged += 1 } else {
            problem(row, "\(row.source) -> \(row.target) is no longer a candidate (it is \(current.status.rawValue))")
          }
          continue
        }
        if noteChanged {
          _ = try? ReviewRules.apply(.note(row.note), conceptID: id, target: row.target, to: &g, reviewer: reviewer, date: date)
        }
        guard let action, action != .skip else {
          report.undecided += 1
          if action == .skip { explicitlyKept.insert(id + "\t" + row.target) }
          continue
        }
        do {
          let r = try ReviewRules.apply(action, conceptID: id, target: row.target, to: &g, reviewer: reviewer, date: date)
          report.applied += 1
          if r.closes {
            chosen.insert(id)
            // Candidates rejected by the choice are counted later, after undoing the ones the sheet decided itself.
            let autoRejected = r.changes.filter {
              $0.before?.status == .candidate && $0.after?.status == .rejected && $0.before?.text != row.target
            }
            try ReviewRules.revert(autoRejected, in: &g, path: storage.path)
          }
        } catch let e as ReviewError {
          problem(row, e.description)
        }
      }
      // Candidates of concepts that got a preferred rendering, left undecided: not chosen.
      for id in chosen.sorted() {
        try g.modifyConcept(id: id, path: storage.path) { c in
          for k in c.terms.indices where Glossary.sameLanguage(c.terms[k].language, lang) && c.terms[k].status == .candidate
            && !explicitlyKept.contains(id + "\t" + c.terms[k].text)
          {
            c.terms[k].status = .rejected
            c.terms[k].reviewer = reviewer
            c.terms[k].reviewed = date
            report.notChosen += 1
          }
        }
      }
      report.problems = problems.sorted { $0.line < $1.line }.map(\.text)
      return report
    }
  }
}
