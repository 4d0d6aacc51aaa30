import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a rendering to a glossary (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary add' is not built yet") }
}
