import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct AlignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "align", abstract: "Align the sentences of two language versions of a document (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary align' is not built yet") }
}
