"""The Textual desk. `claimtrack.tui.app.create_app` builds it; importing this package stays
cheap (no textual import here) so the CLI can load it only when it opens the app."""
