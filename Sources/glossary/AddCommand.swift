import ArgumentParser
import Foundation
import GlossaryKit

/// Options shared by add and edit: the row's curated fields.
struct RowOptions: ParsableArguments {
  @Option(help: "Status: preferred, admitted, superseded, deprecated, candidate or rejected.") var status: String?
  @Option(help: "Note for translators.") var note: String?
  @Option(help: "Tag (repeatable or comma-separated): title, body, initiative, principle, formulation, relation, event, person, place, covid, party.")
  var tag: [String] = []
  @Option(name: .customLong("valid-from"), help: "First day the rendering is valid (YYYY-MM-DD; empty string clears).") var validFrom: String?
  @Option(name: .customLong("valid-to"), help: "Last day the rendering is valid (YYYY-MM-DD; empty string clears).") var validTo: String?
  @Option(name: .customLong("replaced-by"), help: "The rendering that replaces this one.") var replacedBy: String?
  @Option(help: "Who curated the row (sets reviewed to today).") var reviewer: String?

  func apply(to e: inout GlossaryEntry) throws {
    if let status {
      guard let s = TermStatus(rawValue: status.lowercased()) else {
        throw ValidationError("--status: \"\(status)\" is not one of \(TermStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
      }
      e.status = s
    }
    if let note { e.note = note }
    if !tag.isEmpty {
      e.tags = tag.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }
    if let validFrom { e.validFrom = validFrom.isEmpty ? nil : try parseDate(validFrom, option: "--valid-from") }
    if let validTo { e.validTo = validTo.isEmpty ? nil : try parseDate(validTo, option: "--valid-to") }
    if let from = e.validFrom, let to = e.validTo, to < from {
      throw ValidationError("--valid-to \(to) is before --valid-from \(from).")
    }
    if let replacedBy { e.replacedBy = replacedBy }
    if let reviewer {
      e.reviewer = reviewer
      e.reviewed = today()
    }
  }
}

/// Today's date (UTC).
func today() -> ISODate {
  let c = Calendar(identifier: .gregorian)
  var utc = c
  utc.timeZone = TimeZone(identifier: "UTC")!
  let d = utc.dateComponents([.year, .month, .day], from: Date())
  return ISODate(year: d.year!, month: d.month!, day: d.day!)!
}

struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add a rendering to a glossary (created when missing).",
    discussion: """
      The rendering joins the concept holding the source term (a new source term makes a new \
      concept). Refuses a rendering that is already there, a second preferred rendering valid at \
      the same time as another, and a replacement that is not a rendering of the concept (exit \
      65). The file is locked, re-read, changed and written atomically, in sorted order.

      Examples:
        glossary add 一带一路 "the Belt and Road Initiative" --status preferred --valid-from 2016-01-01 --tag initiative
        glossary add 中国梦 "the Chinese Dream" --note "Capital D." --glossary Glossaries/diplomatic.zh-en.tsv
      """
  )

  @Argument(help: "Source term.") var source: String
  @Argument(help: "Target rendering.") var target: String
  @Option(help: "The concept (id) to add to, when the source term belongs to several.") var concept: String?
  @OptionGroup var row: RowOptions
  @OptionGroup var glossaryOptions: GlossaryWriteOptions

  func run() throws {
    let path = try glossaryOptions.path()
    var entry = GlossaryEntry(
      source: source.trimmingCharacters(in: .whitespaces), target: target.trimmingCharacters(in: .whitespaces), status: .preferred,
      conceptID: concept ?? "")
    try row.apply(to: &entry)
    guard !entry.source.isEmpty, !entry.target.isEmpty else { throw ValidationError("Source and target must not be empty.") }
    let id = try GlossaryStore.update(path: path) { g in try g.add(entry, path: path) }
    FileHandle.standardError.write(Data("glossary: added \(entry.source) -> \(entry.target) (\(entry.status.rawValue)) to concept \(id) of \(path)\n".utf8))
  }
}
