return Veridian.Cli.CliApp.Run(args);
