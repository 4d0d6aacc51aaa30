import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct EditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "edit", abstract: "Edit a rendering in a glossary (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary edit' is not built yet") }
}
