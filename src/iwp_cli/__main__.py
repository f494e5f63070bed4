from iwp_cli.cli import main

main()
