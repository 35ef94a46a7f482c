using Seismic.DietGrasp.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
