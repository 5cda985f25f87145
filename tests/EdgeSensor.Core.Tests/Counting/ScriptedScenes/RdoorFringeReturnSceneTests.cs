using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, raster door at 2.5 m: a crossing out of a zone where a door leaf stands open is held too long. The leaf stands
/// at the edge of the inside zone (1), read there 60-200 mm nearer than the floor, around that zone's enter threshold (its
/// calm boot readings set it low); the noise carries it over and back, one low target after the other. Each crossing is
/// held until the zone it came from shows whether the person came back, and the leaf's low targets there (a low target is
/// also held back as a possible pushed stroller) kept it held, although they come nowhere near the person's head and so
/// can never be their return: in the full scene the second exit below was counted 2.1 s after the person crossed, past
/// the 2 s the accuracy report matches a count within, and stood as one miss and one false count. A target that cannot
/// bring the person's head back no longer holds the crossing (CrossingStateMachine.MayBringHeadBack). The readings are
/// the simulator's raster-model door scenario at 2.5 m, seed 310 (time ms, zone, distance mm, range status): its first
/// 2.5 s (the zones calibrate on the bare floor), then 138.2-147.2 s, moved to follow on at 2.55 s: the leaf swings open
/// at 2.7 s, and two adults walk out under it, from zone 1 to zone 0, leaving zone 0 at 5.70 and 7.66 s.
/// </summary>
[TestClass]
public sealed class RdoorFringeReturnSceneTests
{
    private const string Readings = @"
        33 0 2525 0; 68 1 2501 0; 103 0 2535 0; 138 1 2508 0; 173 0 2544 0; 208 1 2548 0; 243 0 2575 0; 278 1 2534 0; 313 0 2526 0; 348 1 2522 0;
        383 0 2525 0; 418 1 2557 0; 453 0 2504 0; 488 1 2550 0; 523 0 2530 0; 558 1 2551 0; 593 0 2551 0; 628 1 2537 0; 663 0 2563 0; 698 1 2551 0;
        733 0 2536 0; 768 1 2529 0; 803 0 2548 0; 838 1 2514 0; 873 0 2514 0; 908 1 2518 0; 943 0 2568 0; 978 1 2531 0; 1013 0 2598 0; 1048 1 2526 0;
        1083 0 2578 0; 1118 1 2518 0; 1153 0 2546 0; 1188 1 2512 0; 1223 0 2550 0; 1258 1 2493 0; 1293 0 2540 0; 1328 1 2538 0; 1363 0 2499 0; 1398 1 2529 0;
        1433 0 2519 0; 1468 1 2538 0; 1503 0 2526 0; 1538 1 2522 0; 1573 0 2563 0; 1608 1 2518 0; 1643 0 2538 0; 1678 1 2559 0; 1713 0 2571 0; 1748 1 2558 0;
        1783 0 2567 0; 1818 1 2591 0; 1853 0 2513 0; 1888 1 2576 0; 1923 0 2520 0; 1958 1 2568 0; 1993 0 2554 0; 2028 1 2573 0; 2063 0 2591 0; 2098 1 2532 0;
        2133 0 2535 0; 2168 1 2541 0; 2203 0 2567 0; 2238 1 2539 0; 2273 0 2540 0; 2308 1 2559 0; 2343 0 2554 0; 2378 1 2527 0; 2413 0 2511 0; 2448 1 2537 0;
        2483 0 2578 0; 2518 1 2529 0; 2553 0 2546 0; 2588 1 2558 0; 2623 0 2545 0; 2658 1 2542 0; 2693 0 2566 0; 2728 1 2512 0; 2763 0 2529 0; 2798 1 2542 0;
        2833 0 2546 0; 2868 1 2498 0; 2903 0 2545 0; 2938 1 2390 0; 2973 0 2524 0; 3008 1 2251 0; 3043 0 2570 0; 3078 1 1870 0; 3113 0 2525 0; 3148 1 1417 0;
        3183 0 2522 0; 3218 1 883 0; 3253 0 0 2; 3288 1 604 0; 3323 0 748 0; 3358 1 606 0; 3393 0 613 0; 3428 1 969 0; 3463 0 797 0; 3498 1 1714 0;
        3533 0 1497 0; 3568 1 2078 0; 3603 0 2090 0; 3638 1 2308 0; 3673 0 2417 0; 3708 1 2391 0; 3743 0 2510 0; 3778 1 2447 0; 3813 0 2451 0; 3848 1 2410 0;
        3883 0 2488 0; 3918 1 2421 0; 3953 0 2478 0; 3988 1 2424 0; 4023 0 2467 0; 4058 1 2430 0; 4093 0 2491 0; 4128 1 2370 0; 4163 0 2497 0; 4198 1 2390 0;
        4233 0 2455 0; 4268 1 2452 0; 4303 0 2506 0; 4338 1 2415 0; 4373 0 2520 0; 4408 1 2454 0; 4443 0 2478 0; 4478 1 2468 0; 4513 0 2518 0; 4548 1 2444 0;
        4583 0 2490 0; 4618 1 2391 0; 4653 0 2494 0; 4688 1 2425 0; 4723 0 2522 0; 4758 1 2410 0; 4793 0 2486 0; 4828 1 2459 0; 4863 0 2495 0; 4898 1 2332 0;
        4933 0 2509 0; 4968 1 2118 0; 5003 0 2518 0; 5038 1 1685 0; 5073 0 2520 0; 5108 1 1274 0; 5143 0 2510 0; 5178 1 1079 0; 5213 0 2046 0; 5248 1 1191 0;
        5283 0 1207 0; 5318 1 1817 0; 5353 0 1061 0; 5388 1 2440 0; 5423 0 1221 0; 5458 1 2424 0; 5493 0 1619 0; 5528 1 2421 0; 5563 0 2036 0; 5598 1 2431 0;
        5633 0 2311 1; 5668 1 2459 0; 5703 0 2473 0; 5738 1 2466 0; 5773 0 2474 0; 5808 1 2446 0; 5843 0 2471 0; 5878 1 2401 0; 5913 0 2456 0; 5948 1 2437 0;
        5983 0 0 2; 6018 1 2434 0; 6053 0 2498 0; 6088 1 2420 0; 6123 0 2479 0; 6158 1 2449 0; 6193 0 2498 0; 6228 1 2398 0; 6263 0 2487 0; 6298 1 2442 0;
        6333 0 2502 0; 6368 1 2434 0; 6403 0 2473 0; 6438 1 2457 0; 6473 0 2445 0; 6508 1 2435 0; 6543 0 2467 0; 6578 1 2428 0; 6613 0 2501 0; 6648 1 2393 0;
        6683 0 2472 0; 6718 1 2415 0; 6753 0 2453 0; 6788 1 2435 0; 6823 0 2466 0; 6858 1 2406 0; 6893 0 2524 0; 6928 1 2342 0; 6963 0 2473 0; 6998 1 1992 0;
        7033 0 2502 0; 7068 1 1491 0; 7103 0 2495 0; 7138 1 1102 0; 7173 0 2452 0; 7208 1 964 0; 7243 0 1414 0; 7278 1 1233 0; 7313 0 994 0; 7348 1 2427 0;
        7383 0 1033 0; 7418 1 2422 0; 7453 0 1363 0; 7488 1 2415 0; 7523 0 1842 0; 7558 1 2414 0; 7593 0 2254 0; 7628 1 2448 0; 7663 0 2473 0; 7698 1 2464 0;
        7733 0 2477 0; 7768 1 2394 0; 7803 0 2498 0; 7838 1 2437 0; 7873 0 2469 0; 7908 1 2420 0; 7943 0 2493 0; 7978 1 2431 0; 8013 0 2494 0; 8048 1 2430 0;
        8083 0 2456 0; 8118 1 2445 0; 8153 0 2507 0; 8188 1 2451 0; 8223 0 2529 0; 8258 1 2427 0; 8293 0 2478 0; 8328 1 2448 0; 8363 0 2522 0; 8398 1 2438 0;
        8433 0 2501 0; 8468 1 2441 0; 8503 0 0 2; 8538 1 2466 0; 8573 0 2484 0; 8608 1 2471 0; 8643 0 2485 0; 8678 1 2403 0; 8713 0 2469 0; 8748 1 2438 0;
        8783 0 2504 0; 8818 1 2400 0; 8853 0 2463 0; 8888 1 0 2; 8923 0 2473 0; 8958 1 2425 0; 8993 0 2486 0; 9028 1 2430 0; 9063 0 2507 0; 9098 1 2426 0;
        9133 0 2508 0; 9168 1 2443 0; 9203 0 2481 0; 9238 1 2474 0; 9273 0 2496 0; 9308 1 2470 0; 9343 0 2507 0; 9378 1 2401 0; 9413 0 2456 0; 9448 1 2441 1;
        9483 0 2516 0; 9518 1 2439 0; 9553 0 2476 0; 9588 1 2450 0; 9623 0 2470 0; 9658 1 2410 0; 9693 0 2424 0; 9728 1 2414 0; 9763 0 2523 0; 9798 1 2442 0;
        9833 0 2499 0; 9868 1 2471 0; 9903 0 2526 0; 9938 1 2457 0; 9973 0 2485 0; 10008 1 2425 0; 10043 0 2492 0; 10078 1 2435 0; 10113 0 2452 0; 10148 1 2429 0;
        10183 0 2459 0; 10218 1 2408 0; 10253 0 2502 0; 10288 1 2444 0; 10323 0 2466 0; 10358 1 2470 0; 10393 0 2500 0; 10428 1 2423 0; 10463 0 2487 0; 10498 1 2417 0;
        10533 0 2523 0; 10568 1 2477 0; 10603 0 2435 0; 10638 1 2423 0; 10673 0 2491 0; 10708 1 2435 0; 10743 0 2483 0; 10778 1 2431 0; 10813 0 2503 0; 10848 1 2412 0;
        10883 0 2474 0; 10918 1 2439 0; 10953 0 2456 0; 10988 1 2448 0; 11023 0 2476 0; 11058 1 2426 0; 11093 0 2517 0; 11128 1 2451 0; 11163 0 2433 0; 11198 1 2428 0;
        11233 0 2494 0; 11268 1 2403 0; 11303 0 2491 0; 11338 1 2481 0; 11373 0 2464 0; 11408 1 2434 0; 11443 0 2508 0; 11478 1 2422 0; 11513 0 2498 0;
    ";

    // When each walker's body has left zone 0 (their zone-0 target ends).
    private static readonly long[] LeftMs = { 5703, 7663 };

    [TestMethod]
    public void LeafFringeInTheZoneTheyCameFrom_DoesNotHoldTheirExits()
    {
        var counter = new PeopleCounter(new CounterSettings { MountHeightMillimeters = 2500, InsideZone = 1, TimingBudgetMilliseconds = 33 });
        var countedMs = new List<long>();
        foreach (string row in Readings.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] f = row.Split(' ');
            int t = int.Parse(f[0]);
            counter.AddTofSample(t, int.Parse(f[1]), int.Parse(f[2]), int.Parse(f[3]));
            if (counter.Exits > countedMs.Count)
            {
                countedMs.Add(t);
            }
        }

        counter.Tick(12000);

        // Both walkers out, each counted within a second of leaving (the return check needs the pair gap and a target's
        // end; it took 1.2-1.4 s here, 2.1 s in the full scene); the leaf swinging open is no crossing.
        Assert.AreEqual(2, counter.Exits, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Entries, CounterHarness.Describe(counter));
        for (int i = 0; i < LeftMs.Length; i++)
        {
            Assert.IsTrue(countedMs[i] - LeftMs[i] <= 1000, $"exit {i + 1} counted at {countedMs[i]} ms, the walker left zone 0 at {LeftMs[i]} ms");
        }
    }
}
