import ArgumentParser
import Foundation
import GlossaryKit

struct AnnotateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annotate",
    abstract: "Mark every glossary term in a text and list the renderings to use.",
    discussion: """
      In a source-language text each term is marked with the rendering to use at the date \
      ([[人类命运共同体|a community with a shared future for humanity]]); in a target-language \
      text each rendering is marked with its source term. The date is --date, else the file \
      name YYYY-MM-DD-slug.LANG.txt, else the date: line of NAME.meta, else today. A file \
      whose name or --lang declares a language it is not written in exits 65. A term list follows: approved \
      renderings (preferred first) and renderings to avoid.

      Examples:
        glossary annotate Corpus/talks/2019-04-30-xi-jinping-holds-talks-with-bounnhang-vorachit.zh.txt
        glossary annotate --format json --date 2014-06-01 draft.zh.txt
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, tsv }

  @OptionGroup var glossaries: GlossaryReadOptions
  @Option(help: "Language of FILE (default: from the file name, else guessed from the script).") var lang: String?
  @Option(help: "Date that decides which renderings are valid (YYYY-MM-DD; default: file name, .meta, else today).")
  var date: String?
  @Option(help: "Output format: text, json or tsv (default: text).") var format: Format = .text
  @Argument(help: "Text to annotate, or - for standard input (default).") var file: String = "-"

  func validate() throws { _ = try parseDate(date, option: "--date") }

  func run() throws {
    let document = try TextDocument(contentsOf: file)
    let declared = try lang.map { try Language($0) } ?? CheckDocuments.language(fromFileName: file)
    if let declared, let problem = CheckDocuments.languageProblem(text: document.text, declared: declared) {
      throw CheckError.wrongLanguage(path: document.path, declared: declared.code, problem: problem)
    }
    let language = declared ?? Language.guess(document.text)
    let paths = try glossaries.paths()
    let loaded = try paths.map { try GlossaryStore.load(path: $0) }
    var targetSide = false
    var matching = loaded.filter { (try? Language($0.sourceLanguage))?.base == language.base }
    if matching.isEmpty {
      matching = loaded.filter { (try? Language($0.targetLanguage))?.base == language.base }
      targetSide = true
    }
    guard let first = matching.first else {
      throw GlossaryError.usage("no glossary has language \(language.code) (give --lang or another --glossary)")
    }
    let sl = try Language(first.sourceLanguage), tl = try Language(first.targetLanguage)
    let index = try CheckIndex(glossaries: CheckDocuments.matching(matching, source: sl, target: tl), source: sl, target: tl)
    let day = CheckDocuments.date(explicit: try parseDate(date, option: "--date"), paths: [file])
    let annotation = try Annotator(index: index).annotate(document, targetSide: targetSide, date: day.date)

    var out = Output()
    switch format {
    case .json: out.line(try jsonString(annotation))
    case .tsv:
      out.line("term\toccurrences\trenderings\tavoid\tnotes")
      for c in annotation.concepts {
        out.line([c.term, String(c.occurrences), c.renderings.joined(separator: " | "), c.avoid.joined(separator: " | "), c.notes.joined(separator: " ")]
          .map(OneLine.flatten).joined(separator: "\t"))
      }
    case .text:
      let color = Terminal.useColor
      out.write(color
        ? annotation.markedText(document, open: "\u{1B}[1;4m", separator: "\u{1B}[0m\u{1B}[2m|", close: "\u{1B}[0m")
        : annotation.markedText(document))
      if !document.text.hasSuffix("\n") { out.line("") }
      out.line("")
      out.line("Terms (\(annotation.concepts.count), renderings valid at \(annotation.date)):")
      for c in annotation.concepts {
        var line = "  \(c.term) ×\(c.occurrences): " + (c.renderings.isEmpty ? "(no approved rendering at this date)" : c.renderings.joined(separator: " | "))
        if !c.avoid.isEmpty { line += "  (avoid: " + c.avoid.joined(separator: " | ") + ")" }
        out.line(line)
      }
    }
    try out.finish()
  }
}
