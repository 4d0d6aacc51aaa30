import ArgumentParser
import Foundation
import GlossaryKit

struct LookupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lookup",
    abstract: "Look a term up in the glossary, in either language.",
    discussion: """
      Matching is on match keys (Traditional/Simplified, width, case, quotes and dashes do \
      not matter; for English also plurals and a leading the/a/an), in this order: exact term; \
      terms containing the query; terms contained in the query (paste a sentence to get every \
      glossary term in it, longest first); fuzzy (edit distance, pinyin for Han) as "did you mean".
      Per concept: preferred first, then admitted, then superseded/deprecated with dates and \
      replacement. Exit 0 when found, 1 when nothing matches, 2 on errors.
      Large glossaries get an index cache beside them (.NAME.idx), rebuilt when the file changes.

      Examples:
        glossary lookup 命運共同體
        glossary lookup "Community With A Shared Future" --json
        glossary lookup 一带一路 --as-of 2015-06-01
        glossary lookup --batch queries.txt
      """
  )

  @Argument(help: "The term, rendering or sentence to look up.") var query: String?
  @OptionGroup var glossaryOptions: GlossaryReadOptions
  @Option(help: "Language of the query (default: guessed from its script).") var lang: String?
  @Option(name: .customLong("as-of"), help: "Show the renderings valid on this date (YYYY-MM-DD).") var asOf: String?
  @Option(help: "Statuses to show, comma-separated (default: preferred,admitted,superseded,deprecated).") var status: [String] = []
  @Option(help: "Most concepts per query (default 20).") var limit: Int = 20
  @Flag(help: "Print JSON (with --batch: one JSON object per line).") var json = false
  @Option(help: "Answer one query per line of FILE (- for standard input); TSV or, with --json, JSON lines.") var batch: String?

  func run() throws {
    do {
      try lookup()
    } catch let e as ExitCode {
      throw e
    } catch let e as ValidationError {
      Failure.printError(e.message)
      throw ExitCode(2)
    } catch {
      Failure.printError(Failure.message(for: error))
      throw ExitCode(2)
    }
  }

  func lookup() throws {
    let statuses = try parseStatuses(status)
    var options = LookupOptions(
      language: lang, asOf: try parseDate(asOf, option: "--as-of"), statuses: statuses.isEmpty ? nil : Set(statuses),
      limit: max(1, limit))
    let lookup = try GlossaryLookup(paths: glossaryOptions.paths())
    var out = Output()
    var found = false
    if let batch {
      options.fuzzy = true
      let text = try TextDecoder.read(path: batch)
      for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
        guard let q = String(line) else { continue }
        let hits = lookup.lookup(q, options: options)
        found = found || !hits.isEmpty
        if json {
          out.line(try compactJSON(LookupAnswer(query: q, hits: hits.map(LookupHitRecord.init))))
        } else {
          LookupPrinter.batchTSV(query: q, hits: hits, into: &out)
        }
      }
    } else {
      guard let query, !query.isEmpty else { throw ValidationError("Give a query, or --batch FILE.") }
      if let lang { _ = try Language(lang) }
      let hits = lookup.lookup(query, options: options)
      found = !hits.isEmpty
      if json {
        out.line(try jsonString(LookupAnswer(query: query, hits: hits.map(LookupHitRecord.init))))
      } else if hits.isEmpty {
        FileHandle.standardError.write(Data("glossary: nothing found for \"\(query)\"\n".utf8))
      } else {
        var p = LookupPrinter(color: Terminal.useColor, asOf: options.asOf)
        p.print(hits, into: &out)
      }
    }
    try out.finish()
    if !found { throw ExitCode(1) }
  }
}

/// JSON of one query's answer.
struct LookupAnswer: Encodable {
  var query: String
  var hits: [LookupHitRecord]
}

struct LookupHitRecord: Encodable {
  var kind: String
  var didYouMean: Bool
  var glossary: String
  var line: Int
  var source: String
  var matched: String
  var matchedSide: String
  var distance: Int?
  var renderings: [GlossaryEntryRecord]

  init(_ h: LookupHit) {
    kind = h.kind.rawValue
    didYouMean = h.kind == .fuzzy
    glossary = h.glossary
    line = h.line
    source = h.source
    matched = h.matched
    matchedSide = h.matchedSource ? "source" : "target"
    distance = h.distance
    renderings = h.entries.map(GlossaryEntryRecord.init)
  }
}

func compactJSON<T: Encodable>(_ value: T) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  return String(decoding: try encoder.encode(value), as: UTF8.self)
}

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
      let labels = h.entries.map { e in asOf.map { e.label(on: $0) } ?? e.status }
      let width = labels.map(\.rawValue.count).max() ?? 9
      for (e, status) in zip(h.entries, labels) {
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
