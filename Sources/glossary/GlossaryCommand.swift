import ArgumentParser
import Foundation
import GlossaryKit

/// The `glossary` command: a thin layer over GlossaryKit. Each subcommand
/// lives in its own file; errors become text and exit codes in one place
/// (`Failure.swift`).
@main
struct GlossaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossary",
    abstract: "Mine, review and serve bilingual glossaries of diplomatic texts.",
    discussion: """
      Reads paired language versions of documents (Corpus/), aligns them, mines recurring \
      formulations with their renderings, and serves the curated glossary (Glossaries/).

      Examples:
        printf '國家主席習近平\\n' | glossary normalize --key
        glossary segment --sentences Corpus/phone-calls/2020-04-03-*.zh.txt
      """,
    version: "glossary 0.1.0",
    subcommands: [
      NormalizeCommand.self, SegmentCommand.self,
      AlignCommand.self, WordAlignCommand.self, ExtractCommand.self,
      LookupCommand.self, AddCommand.self, EditCommand.self, DeprecateCommand.self, RemoveCommand.self,
      ExportCommand.self, ImportCommand.self,
      ReviewCommand.self, CheckCommand.self, AnnotateCommand.self,
      CorpusCommand.self, HistoryCommand.self, ConcordanceCommand.self, StatsCommand.self,
    ]
  )

  static func main() {
    var command: ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      // Usage errors, --help, --version: swift-argument-parser says and exits (64 for usage).
      exit(withError: error)
    }
    do {
      try command.run()
    } catch {
      Failure.exit(with: error)
    }
  }
}
