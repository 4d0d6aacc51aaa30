import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "import", abstract: "Import TSV, CSV, TBX or JSON into a glossary (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary import' is not built yet") }
}
