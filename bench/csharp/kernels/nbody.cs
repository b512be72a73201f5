// n-body (Computer Language Benchmarks Game), in C# subset v1: bodies in a stackalloc'd span.
using System;

struct Body { public double X, Y, Z, Vx, Vy, Vz, Mass; }

static class Program
{
    const double Pi = 3.141592653589793, SolarMass = 4 * Pi * Pi, DaysPerYear = 365.24;

    static void Init(Span<Body> b)
    {
        b[0] = new Body { Mass = SolarMass };
        b[1] = new Body { X = 4.84143144246472090e+00, Y = -1.16032004402742839e+00, Z = -1.03622044471123109e-01, Vx = 1.66007664274403694e-03 * DaysPerYear, Vy = 7.69901118419740425e-03 * DaysPerYear, Vz = -6.90460016972063023e-05 * DaysPerYear, Mass = 9.54791938424326609e-04 * SolarMass };
        b[2] = new Body { X = 8.34336671824457987e+00, Y = 4.12479856412430479e+00, Z = -4.03523417114321381e-01, Vx = -2.76742510726862411e-03 * DaysPerYear, Vy = 4.99852801234917238e-03 * DaysPerYear, Vz = 2.30417297573763929e-05 * DaysPerYear, Mass = 2.85885980666130812e-04 * SolarMass };
        b[3] = new Body { X = 1.28943695621391310e+01, Y = -1.51111514016986312e+01, Z = -2.23307578892655734e-01, Vx = 2.96460137564761618e-03 * DaysPerYear, Vy = 2.37847173959480950e-03 * DaysPerYear, Vz = -2.96589568540237556e-05 * DaysPerYear, Mass = 4.36624404335156298e-05 * SolarMass };
        b[4] = new Body { X = 1.53796971148509165e+01, Y = -2.59193146099879641e+01, Z = 1.79258772950371181e-01, Vx = 2.68067772490389322e-03 * DaysPerYear, Vy = 1.62824170038242295e-03 * DaysPerYear, Vz = -9.51592254519715870e-05 * DaysPerYear, Mass = 5.15138902046611451e-05 * SolarMass };
        double px = 0, py = 0, pz = 0;
        for (int i = 0; i < b.Length; i++) { px += b[i].Vx * b[i].Mass; py += b[i].Vy * b[i].Mass; pz += b[i].Vz * b[i].Mass; }
        b[0].Vx = -px / SolarMass; b[0].Vy = -py / SolarMass; b[0].Vz = -pz / SolarMass;
    }

    static double Energy(Span<Body> b)
    {
        double e = 0;
        for (int i = 0; i < b.Length; i++)
        {
            ref Body bi = ref b[i];
            e += 0.5 * bi.Mass * (bi.Vx * bi.Vx + bi.Vy * bi.Vy + bi.Vz * bi.Vz);
            for (int j = i + 1; j < b.Length; j++)
            {
                ref Body bj = ref b[j];
                double dx = bi.X - bj.X, dy = bi.Y - bj.Y, dz = bi.Z - bj.Z;
                e -= bi.Mass * bj.Mass / Math.Sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    static void Advance(Span<Body> b, double dt)
    {
        for (int i = 0; i < b.Length; i++)
        {
            ref Body bi = ref b[i];
            for (int j = i + 1; j < b.Length; j++)
            {
                ref Body bj = ref b[j];
                double dx = bi.X - bj.X, dy = bi.Y - bj.Y, dz = bi.Z - bj.Z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * Math.Sqrt(d2));
                bi.Vx -= dx * bj.Mass * mag; bi.Vy -= dy * bj.Mass * mag; bi.Vz -= dz * bj.Mass * mag;
                bj.Vx += dx * bi.Mass * mag; bj.Vy += dy * bi.Mass * mag; bj.Vz += dz * bi.Mass * mag;
            }
        }
        for (int i = 0; i < b.Length; i++) { ref Body bi = ref b[i]; bi.X += dt * bi.Vx; bi.Y += dt * bi.Vy; bi.Z += dt * bi.Vz; }
    }

    static int Main()
    {
        Span<Body> bodies = stackalloc Body[5];
        Init(bodies);
        Out.Str("nbody "u8); Out.Fixed(Energy(bodies) + 1, 9);
        for (int i = 0; i < 5000000; i++) Advance(bodies, 0.01);
        Out.Str(" "u8); Out.Fixed(Energy(bodies) + 1, 9); Out.Line();
        return 0;
    }
}
