import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct LookupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "lookup", abstract: "Look a term up in the glossary (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary lookup' is not built yet") }
}
