namespace Seismic.DietGrasp.Stations;

/// <summary>
/// The inverse geodesic problem on the WGS84 ellipsoid: the distance only, by the algorithm of
/// C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87, 43-55 (2013), as published in
/// GeographicLib (MIT licence) and used by PROJ, hence by pyproj's <c>Geod(ellps='WGS84').inv</c>.
/// Series to sixth order in the third flattening; Newton's method on the azimuth with a
/// bracketing fallback; the astroid start for nearly antipodal points. Area, azimuths and scales
/// are left out: GrASP needs only the length.
/// </summary>
internal static class Wgs84Geodesic
{
    private const double A = 6378137.0;
    private const double F = 1.0 / 298.257223563;
    private const double F1 = 1 - F;
    private const double E2 = F * (2 - F);
    private const double Ep2 = E2 / (F1 * F1);
    private const double N = F / (2 - F);
    private const double B = A * F1;
    private const int Order = 6;
    private const int MaxIterations1 = 20;
    private const int MaxIterations2 = MaxIterations1 + 53 + 10;

    private static readonly double Tiny = Math.Sqrt(double.Epsilon * Math.Pow(2, 52)); // sqrt(smallest normal)
    private static readonly double Tol0 = Math.Pow(2, -52);
    private static readonly double Tol1 = 200 * Tol0;
    private static readonly double Tol2 = Math.Sqrt(Tol0);
    private static readonly double TolB = Tol0 * Tol2;
    private static readonly double XThresh = 1000 * Tol2;
    private static readonly double Etol2 = 0.1 * Tol2 / Math.Sqrt(Math.Max(0.001, Math.Abs(F)) * Math.Min(1.0, 1 - F / 2) / 2);
    private static readonly double[] A3x = MakeA3Coefficients();
    private static readonly double[] C3x = MakeC3Coefficients();

    /// <summary>The geodesic distance in metres between two points given in degrees.</summary>
    public static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        var (lon12, lon12s) = AngleDifference(lon1, lon2);
        var lonSign = lon12 >= 0 ? 1.0 : -1.0;
        lon12 = lonSign * AngleRound(lon12);
        lon12s = AngleRound((180 - lon12) - lonSign * lon12s);
        var lam12 = lon12 * Math.PI / 180;
        double slam12, clam12;
        if (lon12 > 90)
        {
            (slam12, clam12) = SinCosDegrees(lon12s);
            clam12 = -clam12;
        }
        else
        {
            (slam12, clam12) = SinCosDegrees(lon12);
        }

        lat1 = AngleRound(lat1);
        lat2 = AngleRound(lat2);
        if (Math.Abs(lat1) < Math.Abs(lat2))
        {
            (lat1, lat2) = (lat2, lat1);
        }
        var latSign = lat1 < 0 ? 1.0 : -1.0;
        lat1 *= latSign;
        lat2 *= latSign;

        var (sbet1, cbet1) = SinCosDegrees(lat1);
        sbet1 *= F1;
        (sbet1, cbet1) = Normalise(sbet1, cbet1);
        cbet1 = Math.Max(Tiny, cbet1);
        var (sbet2, cbet2) = SinCosDegrees(lat2);
        sbet2 *= F1;
        (sbet2, cbet2) = Normalise(sbet2, cbet2);
        cbet2 = Math.Max(Tiny, cbet2);

        if (cbet1 < -sbet1)
        {
            if (cbet2 == cbet1)
            {
                sbet2 = sbet2 < 0 ? sbet1 : -sbet1;
            }
        }
        else if (Math.Abs(sbet2) == -sbet1)
        {
            cbet2 = cbet1;
        }

        var dn1 = Math.Sqrt(1 + Ep2 * sbet1 * sbet1);
        var dn2 = Math.Sqrt(1 + Ep2 * sbet2 * sbet2);
        var c1a = new double[Order + 1];
        var c2a = new double[Order + 1];
        var c3a = new double[Order];

        var meridian = lat1 == -90 || slam12 == 0;
        var s12x = 0.0;
        if (meridian)
        {
            double calp1 = clam12, calp2 = 1.0;
            double ssig1 = sbet1, csig1 = calp1 * cbet1;
            double ssig2 = sbet2, csig2 = calp2 * cbet2;
            var sig12 = Math.Atan2(Math.Max(0.0, csig1 * ssig2 - ssig1 * csig2), csig1 * csig2 + ssig1 * ssig2);
            var (s12b, m12b) = Lengths(N, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, c1a, c2a);
            if (sig12 < 1 || m12b >= 0)
            {
                if (sig12 < 3 * Tiny || (sig12 < Tol0 && (s12b < 0 || m12b < 0)))
                {
                    s12b = 0;
                }
                s12x = s12b * B;
            }
            else
            {
                meridian = false;
            }
        }

        if (!meridian && sbet1 == 0 && lon12s >= F * 180)
        {
            // Along the equator.
            s12x = A * lam12;
        }
        else if (!meridian)
        {
            var start = InverseStart(sbet1, cbet1, dn1, sbet2, cbet2, dn2, lam12, slam12, clam12);
            if (start.Sig12 >= 0)
            {
                s12x = start.Sig12 * B * start.Dnm;
            }
            else
            {
                s12x = NewtonDistance(sbet1, cbet1, dn1, sbet2, cbet2, dn2, slam12, clam12, start.Salp1, start.Calp1, c1a, c2a, c3a);
            }
        }
        return 0.0 + s12x;
    }

    private static double NewtonDistance(
        double sbet1, double cbet1, double dn1, double sbet2, double cbet2, double dn2,
        double slam12, double clam12, double salp1, double calp1, double[] c1a, double[] c2a, double[] c3a)
    {
        var iterations = 0;
        bool tripN = false, tripB = false;
        double salp1a = Tiny, calp1a = 1.0, salp1b = Tiny, calp1b = -1.0;
        Lambda12Result lambda;
        while (true)
        {
            lambda = Lambda12(sbet1, cbet1, dn1, sbet2, cbet2, dn2, salp1, calp1, slam12, clam12, iterations < MaxIterations1, c1a, c2a, c3a);
            var v = lambda.Lam12;
            if (iterations >= MaxIterations2 || tripB || !(Math.Abs(v) >= (tripN ? 8 : 1) * Tol0))
            {
                break;
            }
            if (v > 0 && (iterations > MaxIterations1 || calp1 / salp1 > calp1b / salp1b))
            {
                salp1b = salp1;
                calp1b = calp1;
            }
            else if (v < 0 && (iterations > MaxIterations1 || calp1 / salp1 < calp1a / salp1a))
            {
                salp1a = salp1;
                calp1a = calp1;
            }
            iterations++;
            if (iterations < MaxIterations1 && lambda.DLam12 > 0)
            {
                var dalp1 = -v / lambda.DLam12;
                double sdalp1 = Math.Sin(dalp1), cdalp1 = Math.Cos(dalp1);
                var nsalp1 = salp1 * cdalp1 + calp1 * sdalp1;
                if (nsalp1 > 0 && Math.Abs(dalp1) < Math.PI)
                {
                    calp1 = calp1 * cdalp1 - salp1 * sdalp1;
                    salp1 = nsalp1;
                    (salp1, calp1) = Normalise(salp1, calp1);
                    tripN = Math.Abs(v) <= 16 * Tol0;
                    continue;
                }
            }
            // Newton left the bracket or the slope is not positive: bisect.
            (salp1, calp1) = Normalise((salp1a + salp1b) / 2, (calp1a + calp1b) / 2);
            tripN = false;
            tripB = Math.Abs(salp1a - salp1) + (calp1a - calp1) < TolB || Math.Abs(salp1 - salp1b) + (calp1 - calp1b) < TolB;
        }
        var (s12b, _) = Lengths(lambda.Eps, lambda.Sig12, lambda.Ssig1, lambda.Csig1, dn1, lambda.Ssig2, lambda.Csig2, dn2, c1a, c2a);
        return s12b * B;
    }

    private readonly record struct StartResult(double Sig12, double Salp1, double Calp1, double Dnm);

    private static StartResult InverseStart(
        double sbet1, double cbet1, double dn1, double sbet2, double cbet2, double dn2, double lam12, double slam12, double clam12)
    {
        var sig12 = -1.0;
        var dnm = double.NaN;
        var sbet12 = sbet2 * cbet1 - cbet2 * sbet1;
        var cbet12 = cbet2 * cbet1 + sbet2 * sbet1;
        var sbet12a = sbet2 * cbet1;
        sbet12a += cbet2 * sbet1;
        var shortLine = cbet12 >= 0 && sbet12 < 0.5 && cbet2 * lam12 < 0.5;
        double somg12, comg12;
        if (shortLine)
        {
            var sbetm2 = (sbet1 + sbet2) * (sbet1 + sbet2);
            sbetm2 /= sbetm2 + (cbet1 + cbet2) * (cbet1 + cbet2);
            dnm = Math.Sqrt(1 + Ep2 * sbetm2);
            var omg12 = lam12 / (F1 * dnm);
            somg12 = Math.Sin(omg12);
            comg12 = Math.Cos(omg12);
        }
        else
        {
            somg12 = slam12;
            comg12 = clam12;
        }

        var salp1 = cbet2 * somg12;
        var calp1 = comg12 >= 0
            ? sbet12 + cbet2 * sbet1 * somg12 * somg12 / (1 + comg12)
            : sbet12a - cbet2 * sbet1 * somg12 * somg12 / (1 - comg12);
        var ssig12 = Hypot(salp1, calp1);
        var csig12 = sbet1 * sbet2 + cbet1 * cbet2 * comg12;

        if (shortLine && ssig12 < Etol2)
        {
            sig12 = Math.Atan2(ssig12, csig12);
        }
        else if (Math.Abs(N) >= 0.1 || csig12 >= 0 || ssig12 >= 6 * Math.Abs(N) * Math.PI * cbet1 * cbet1)
        {
            // The zeroth-order spherical estimate is good enough.
        }
        else
        {
            // Nearly antipodal: scale to the astroid coordinates (f > 0 branch).
            var lam12x = Math.Atan2(-slam12, -clam12);
            var k2 = sbet1 * sbet1 * Ep2;
            var eps = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);
            var lamScale = F * cbet1 * A3f(eps) * Math.PI;
            var betScale = lamScale * cbet1;
            var x = lam12x / lamScale;
            var y = sbet12a / betScale;
            if (y > -Tol1 && x > -1 - XThresh)
            {
                salp1 = Math.Min(1.0, -x);
                calp1 = -Math.Sqrt(1 - salp1 * salp1);
            }
            else
            {
                var k = Astroid(x, y);
                var omg12a = lamScale * (-x * k / (1 + k));
                somg12 = Math.Sin(omg12a);
                comg12 = -Math.Cos(omg12a);
                salp1 = cbet2 * somg12;
                calp1 = sbet12a - cbet2 * sbet1 * somg12 * somg12 / (1 - comg12);
            }
        }
        if (!(salp1 <= 0))
        {
            (salp1, calp1) = Normalise(salp1, calp1);
        }
        else
        {
            salp1 = 1;
            calp1 = 0;
        }
        return new StartResult(sig12, salp1, calp1, dnm);
    }

    private readonly record struct Lambda12Result(
        double Lam12, double Sig12, double Ssig1, double Csig1, double Ssig2, double Csig2, double Eps, double DLam12);

    private static Lambda12Result Lambda12(
        double sbet1, double cbet1, double dn1, double sbet2, double cbet2, double dn2,
        double salp1, double calp1, double slam120, double clam120, bool withDerivative,
        double[] c1a, double[] c2a, double[] c3a)
    {
        if (sbet1 == 0 && calp1 == 0)
        {
            calp1 = -Tiny;
        }
        var salp0 = salp1 * cbet1;
        var calp0 = Hypot(calp1, salp1 * sbet1);
        double ssig1 = sbet1, somg1 = salp0 * sbet1;
        double csig1 = calp1 * cbet1, comg1 = calp1 * cbet1;
        (ssig1, csig1) = Normalise(ssig1, csig1);

        var calp2 = cbet2 != cbet1 || Math.Abs(sbet2) != -sbet1
            ? Math.Sqrt(calp1 * cbet1 * (calp1 * cbet1) + (cbet1 < -sbet1 ? (cbet2 - cbet1) * (cbet1 + cbet2) : (sbet1 - sbet2) * (sbet1 + sbet2))) / cbet2
            : Math.Abs(calp1);
        double ssig2 = sbet2, somg2 = salp0 * sbet2;
        double csig2 = calp2 * cbet2, comg2 = calp2 * cbet2;
        (ssig2, csig2) = Normalise(ssig2, csig2);

        var sig12 = Math.Atan2(Math.Max(0.0, csig1 * ssig2 - ssig1 * csig2), csig1 * csig2 + ssig1 * ssig2);
        var somg12 = Math.Max(0.0, comg1 * somg2 - somg1 * comg2);
        var comg12 = comg1 * comg2 + somg1 * somg2;
        var eta = Math.Atan2(somg12 * clam120 - comg12 * slam120, comg12 * clam120 + somg12 * slam120);

        var k2 = calp0 * calp0 * Ep2;
        var eps = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);
        C3f(eps, c3a);
        var b312 = SinSeries(ssig2, csig2, c3a) - SinSeries(ssig1, csig1, c3a);
        var domg12 = -F * A3f(eps) * salp0 * (sig12 + b312);
        var lam12 = eta + domg12;

        var dlam12 = double.NaN;
        if (withDerivative)
        {
            if (calp2 == 0)
            {
                dlam12 = -2 * F1 * dn1 / sbet1;
            }
            else
            {
                var (_, m12b) = Lengths(eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, c1a, c2a);
                dlam12 = m12b * F1 / (calp2 * cbet2);
            }
        }
        return new Lambda12Result(lam12, sig12, ssig1, csig1, ssig2, csig2, eps, dlam12);
    }

    /// <summary>Distance / b and reduced length / b (Karney 2013, eqs. 38-42).</summary>
    private static (double S12b, double M12b) Lengths(
        double eps, double sig12, double ssig1, double csig1, double dn1, double ssig2, double csig2, double dn2,
        double[] c1a, double[] c2a)
    {
        var a1 = A1m1f(eps);
        C1f(eps, c1a);
        var a2 = A2m1f(eps);
        C2f(eps, c2a);
        var m0x = a1 - a2;
        a2 = 1 + a2;
        a1 = 1 + a1;
        var b1 = SinSeries(ssig2, csig2, c1a) - SinSeries(ssig1, csig1, c1a);
        var s12b = a1 * (sig12 + b1);
        var b2 = SinSeries(ssig2, csig2, c2a) - SinSeries(ssig1, csig1, c2a);
        var j12 = m0x * sig12 + (a1 * b1 - a2 * b2);
        var m12b = dn2 * (csig1 * ssig2) - dn1 * (ssig1 * csig2) - csig1 * csig2 * j12;
        return (s12b, m12b);
    }

    /// <summary>sum(c[i] sin(2 i x), i = 1..n) by Clenshaw summation; c[0] is unused.</summary>
    private static double SinSeries(double sinx, double cosx, double[] c)
    {
        var k = c.Length;
        var n = k - 1;
        var ar = 2 * (cosx - sinx) * (cosx + sinx);
        double y0, y1 = 0;
        if ((n & 1) != 0)
        {
            y0 = c[--k];
        }
        else
        {
            y0 = 0;
        }
        for (n /= 2; n > 0; n--)
        {
            y1 = ar * y0 - y1 + c[--k];
            y0 = ar * y1 - y0 + c[--k];
        }
        return 2 * sinx * cosx * y0;
    }

    private static double Astroid(double x, double y)
    {
        var p = x * x;
        var q = y * y;
        var r = (p + q - 1) / 6;
        if (q == 0 && r <= 0)
        {
            return 0;
        }
        var s = p * q / 4;
        var r2 = r * r;
        var r3 = r * r2;
        var disc = s * (s + 2 * r3);
        var u = r;
        if (disc >= 0)
        {
            var t3 = s + r3;
            t3 += t3 < 0 ? -Math.Sqrt(disc) : Math.Sqrt(disc);
            var t = CubeRoot(t3);
            u += t + (t != 0 ? r2 / t : 0);
        }
        else
        {
            var ang = Math.Atan2(Math.Sqrt(-disc), -(s + r3));
            u += 2 * r * Math.Cos(ang / 3);
        }
        var v = Math.Sqrt(u * u + q);
        var uv = u < 0 ? q / (v - u) : u + v;
        var w = (uv - q) / (2 * v);
        return uv / (Math.Sqrt(uv + w * w) + w);
    }

    private static double A1m1f(double eps)
    {
        var eps2 = eps * eps;
        var t = eps2 * (eps2 * (eps2 + 4) + 64) / 256;
        return (t + eps) / (1 - eps);
    }

    private static double A2m1f(double eps)
    {
        var eps2 = eps * eps;
        var t = eps2 * (eps2 * (-11 * eps2 - 28) - 192) / 256;
        return (t - eps) / (1 + eps);
    }

    // Coefficients of C1, C2 (Karney 2013, eqs. 18 and 43): for each l, a polynomial in eps^2
    // (highest power first) and its divisor.
    private static readonly double[] C1Coefficients = { -1, 6, -16, 32, -9, 64, -128, 2048, 9, -16, 768, 3, -5, 512, -7, 1280, -7, 2048 };
    private static readonly double[] C2Coefficients = { 1, 2, 16, 32, 35, 64, 384, 2048, 15, 80, 768, 7, 35, 512, 63, 1280, 77, 2048 };

    private static void C1f(double eps, double[] c) => EvenSeries(eps, C1Coefficients, c);

    private static void C2f(double eps, double[] c) => EvenSeries(eps, C2Coefficients, c);

    private static void EvenSeries(double eps, double[] coefficients, double[] c)
    {
        var eps2 = eps * eps;
        var d = eps;
        var o = 0;
        for (var l = 1; l <= Order; l++)
        {
            var m = (Order - l) / 2;
            c[l] = d * PolyValue(m, coefficients, o, eps2) / coefficients[o + m + 1];
            o += m + 2;
            d *= eps;
        }
    }

    private static double A3f(double eps) => PolyValue(Order - 1, A3x, 0, eps);

    private static void C3f(double eps, double[] c)
    {
        var mult = 1.0;
        var o = 0;
        for (var l = 1; l < Order; l++)
        {
            var m = Order - l - 1;
            mult *= eps;
            c[l] = mult * PolyValue(m, C3x, o, eps);
            o += m + 1;
        }
    }

    private static double[] MakeA3Coefficients()
    {
        double[] coefficients = { -3, 128, -2, -3, 64, -1, -3, -1, 16, 3, -1, -2, 8, 1, -1, 2, 1, 1 };
        var result = new double[Order];
        int o = 0, k = 0;
        for (var j = Order - 1; j >= 0; j--)
        {
            var m = Math.Min(Order - j - 1, j);
            result[k++] = PolyValue(m, coefficients, o, N) / coefficients[o + m + 1];
            o += m + 2;
        }
        return result;
    }

    private static double[] MakeC3Coefficients()
    {
        double[] coefficients =
        {
            3, 128, 2, 5, 128, -1, 3, 3, 64, -1, 0, 1, 8, -1, 1, 4,
            5, 256, 1, 3, 128, -3, -2, 3, 64, 1, -3, 2, 32,
            7, 512, -10, 9, 384, 5, -9, 5, 192,
            7, 512, -14, 7, 512,
            21, 2560,
        };
        var result = new double[Order * (Order - 1) / 2];
        int o = 0, k = 0;
        for (var l = 1; l < Order; l++)
        {
            for (var j = Order - 1; j >= l; j--)
            {
                var m = Math.Min(Order - j - 1, j);
                result[k++] = PolyValue(m, coefficients, o, N) / coefficients[o + m + 1];
                o += m + 2;
            }
        }
        return result;
    }

    /// <summary>Horner evaluation of the degree-<paramref name="degree"/> polynomial p[s..s+degree], highest power first.</summary>
    private static double PolyValue(int degree, double[] p, int s, double x)
    {
        var y = degree < 0 ? 0 : p[s];
        while (degree-- > 0)
        {
            y = y * x + p[++s];
        }
        return y;
    }

    private static double CubeRoot(double x)
    {
        var y = Math.Pow(Math.Abs(x), 1.0 / 3);
        return x < 0 ? -y : y;
    }

    private static double Hypot(double x, double y)
    {
        x = Math.Abs(x);
        y = Math.Abs(y);
        var big = Math.Max(x, y);
        if (big == 0)
        {
            return 0;
        }
        var small = Math.Min(x, y) / big;
        return big * Math.Sqrt(1 + small * small);
    }

    private static (double S, double C) Normalise(double s, double c)
    {
        var r = Hypot(s, c);
        return (s / r, c / r);
    }

    /// <summary>Error-free sum: s = round(u + v), t = (u + v) - s.</summary>
    private static (double S, double T) ExactSum(double u, double v)
    {
        var s = u + v;
        var up = s - v;
        var vpp = s - up;
        up -= u;
        vpp -= v;
        var t = s != 0 ? 0.0 - (up + vpp) : s;
        return (s, t);
    }

    /// <summary>lon2 - lon1 reduced to [-180, 180], exactly, as a rounded value and its error.</summary>
    private static (double D, double T) AngleDifference(double x, double y)
    {
        var (d, t) = ExactSum(Math.IEEERemainder(-x, 360), Math.IEEERemainder(y, 360));
        (d, t) = ExactSum(Math.IEEERemainder(d, 360), t);
        if (d == 0 || Math.Abs(d) == 180)
        {
            var sign = t == 0 ? y - x : -t;
            d = CopySign(d, sign);
        }
        return (d, t);
    }

    /// <summary>Rounds tiny angles to multiples of 1/16 degree's ulp, so that near-equator and near-meridian cases become exact.</summary>
    private static double AngleRound(double x)
    {
        const double z = 1.0 / 16;
        var y = Math.Abs(x);
        var w = z - y;
        if (w > 0)
        {
            y = z - w;
        }
        return CopySign(y, x);
    }

    private static (double Sin, double Cos) SinCosDegrees(double x)
    {
        var r = x % 360;
        var q = (int)Math.Round(r / 90);
        r -= 90 * q;
        r *= Math.PI / 180;
        double s = Math.Sin(r), c = Math.Cos(r);
        (double sinx, double cosx) = (q & 3) switch
        {
            0 => (s, c),
            1 => (c, -s),
            2 => (-s, -c),
            _ => (-c, s),
        };
        cosx += 0.0;
        if (sinx == 0)
        {
            sinx = CopySign(sinx, x);
        }
        return (sinx, cosx);
    }

    private static double CopySign(double magnitude, double sign)
    {
        var m = Math.Abs(magnitude);
        return BitConverter.DoubleToInt64Bits(sign) < 0 ? -m : m;
    }
}
