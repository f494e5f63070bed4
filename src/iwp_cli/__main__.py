from iwp_cli.entry import main

main()
