import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct RemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a rendering from a glossary (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary remove' is not built yet") }
}
