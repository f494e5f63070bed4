"""The commands of `iwp`, one module per concept; `iwp_cli.cli` registers them."""
