import Foundation
import GlossaryKit

/// Text output of lookup hits.
struct LookupPrinter {
  var color: Bool
  /// With `--as-of`: renderings are labelled by their standing on that date (GlossaryEntry.label(on:)).
  var asOf: ISODate? = nil

  func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

  func statusColor(_ s: TermStatus) -> String {
    switch s {
    case .preferred: return "32"
    case .admitted: return "36"
    case .superseded: return "33"
    case .deprecated, .rejected: return "31"
    case .candidate: return "2"
    }
  }

  mutating func print(_ hits: [LookupHit], into out: inout Output) {
    var first = true
    for h in hits {
      if !first { out.line("") }
      first = false
      var head = paint(h.source, "1")
      switch h.kind {
      case .exact: if !h.matchedSource { head += "  (rendering: \(h.matched))" }
      case .containing: head += "  (contains your query)"
      case .contained: head += "  (in your text: \(h.matched))"
      case .fuzzy: head = "did you mean " + head + (h.matchedSource ? "" : " (\(h.matched))") + "?"
      }
      out.line(head + paint("  \(h.glossary):\(h.line)", "2"))
      if !h.synonyms.isEmpty {
        out.line("  " + paint("also: " + h.synonyms.map { "\($0.text) (\($0.status.rawValue))" }.joined(separator: ", "), "2"))
      }
      let subject = h.concept.subjectField
      let definition = h.concept.definition(in: h.matchedLanguage)
      if !subject.isEmpty || !definition.isEmpty {
        out.line("  " + paint([subject.isEmpty ? "" : "[\(subject)]", definition].filter { !$0.isEmpty }.joined(separator: " "), "2"))
      }
      // Further target languages, as renderings with a language label.
      let others = h.otherTerms.map {
        GlossaryEntry(source: h.source, target: "[\($0.language)] " + $0.text, status: $0.status, validFrom: $0.validFrom, validTo: $0.validTo,
                      replacedBy: $0.replacedBy, note: $0.note)
      }
      let shown = h.entries + others
      let labels = shown.map { e in asOf.map { e.label(on: $0) } ?? e.status }
      let width = labels.map(\.rawValue.count).max() ?? 9
      for (e, status) in zip(shown, labels) {
        let label = status.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
        var line = "  " + paint(label, statusColor(status)) + "  " + (status == .preferred ? paint(e.target, "1") : e.target)
        if e.validFrom != nil || e.validTo != nil {
          line += "  (\(e.validFrom?.description ?? "…") to \(e.validTo?.description ?? "now"))"
        }
        if !e.replacedBy.isEmpty { line += (status == e.status ? "  -> use: " : "  -> later: ") + e.replacedBy }
        out.line(line)
        let pad = String(repeating: " ", count: width + 4)
        if !e.note.isEmpty { out.line(pad + paint("note: " + e.note, "2")) }
        if e.occurrences != nil || !e.seenIn.isEmpty {
          var ev = "evidence: \(e.documents) document\(e.documents == 1 ? "" : "s")"
          if let o = e.occurrences { ev += ", \(o) occurrence\(o == 1 ? "" : "s")" }
          if let f = e.firstSeen, let l = e.lastSeen { ev += ", \(f) to \(l)" }
          out.line(pad + paint(ev, "2"))
        }
        if let x = e.examples.first {
          out.line(pad + paint("e.g. [\(x.document)] \(x.source)", "2"))
          out.line(pad + paint("     \(x.target)", "2"))
        }
      }
    }
  }

  /// The format's escapes, skipped (a byte scan) for the usual field without tab, newline or backslash.
  static func escape(_ s: String) -> String {
    s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) ? GlossaryKit.Glossary.escape(s) : s
  }

  /// One TSV line per rendering: query, kind, source, target, status, valid_from, valid_to, replaced_by;
  /// a query with no match gives one line with the query and empty fields.
  static func batchTSV(query: String, hits: [LookupHit], into out: inout Output) {
    let q = escape(query)
    if hits.isEmpty {
      out.line(q + "\t\t\t\t\t\t\t")
      return
    }
    for h in hits {
      for e in h.entries {
        out.line([
          q, h.kind.rawValue, escape(e.source), escape(e.target), e.status.rawValue,
          e.validFrom?.description ?? "", e.validTo?.description ?? "", escape(e.replacedBy),
        ].joined(separator: "\t"))
      }
    }
  }
}
