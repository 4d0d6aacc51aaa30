import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct CorpusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "corpus", abstract: "Add, list and check paired corpus documents (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary corpus' is not built yet") }
}
