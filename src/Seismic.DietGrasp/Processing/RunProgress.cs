namespace Seismic.DietGrasp.Processing;

/// <summary>A progress report of <see cref="ContinuousProcessing.Run"/>.</summary>
/// <param name="Stage">The stage the run is in.</param>
/// <param name="DaysDone">Days finished (computed or taken from an earlier run).</param>
/// <param name="DayCount">Days in the time range.</param>
/// <param name="StationHoursDone">Station-hours classified so far in this run (resumed days not included).</param>
/// <param name="StationHoursTotal">Station-hours this run has to classify (resumed days not included).</param>
public readonly record struct RunProgress(RunStage Stage, int DaysDone, int DayCount, long StationHoursDone, long StationHoursTotal)
{
    /// <summary>The fraction of the classification work done, 0 to 1 (1 once classification is over).</summary>
    public double Fraction => Stage > RunStage.Classifying ? 1 : StationHoursTotal == 0 ? 0 : (double)StationHoursDone / StationHoursTotal;
}
