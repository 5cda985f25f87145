using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Footprint inclusive-stroller, 3.0 m: a pushchair with its canopy up (read 1176-1190 mm, above the 1150 mm a pushed
/// object was held to, as high as a seated adult's head) pushed in. In each zone the reading runs from the canopy over the
/// handle bar straight up to the pusher's head (1.76-1.77 m) without a valley: the canopy stands close above the bar, the
/// pusher's hands and forearms on it. The pushchair was not held back for its pusher and counted as a second person. A
/// seated person's head has their shoulders and the chair's push handles 0.2-0.55 m lower behind it, and whoever walks
/// behind leaves a valley: only a target risen straight out of a canopy's level waits (CrossingStateMachine.RoseStraightBehind).
/// Readings: the simulator's footprint inclusive-stroller trace at 3.0 m (time ms, zone, distance mm, range status), the
/// trace's first 3 s (the zones calibrate on the bare floor) followed by the pushchair's scene, shifted to follow them.
/// </summary>
[TestClass]
public sealed class SstrollCanopyStepToPusherSceneTests
{
    // Seed 787, 104.5-109.0 s moved to follow on at 3.04 s: the pushchair and its pusher go in (zone 0 to zone 1): one entry.
    private const string CanopyUpPushedIn = @"
        33 0 3076 0; 68 1 2897 0; 103 0 3034 0; 138 1 2986 0; 173 0 0 2; 208 1 2930 0; 243 0 3037 0; 278 1 3040 0; 313 0 3004 0; 348 1 2974 0;
        383 0 3023 0; 418 1 2995 0; 453 0 2953 0; 488 1 2854 0; 523 0 2969 0; 558 1 3025 0; 593 0 0 2; 628 1 2977 0; 663 0 0 2; 698 1 2964 0;
        733 0 3036 0; 768 1 0 2; 803 0 2998 0; 838 1 2920 0; 873 0 2998 0; 908 1 2980 0; 943 0 3000 0; 978 1 2976 0; 1013 0 2972 0; 1048 1 2961 0;
        1083 0 2967 0; 1118 1 2936 0; 1153 0 3004 0; 1188 1 2953 0; 1223 0 2963 0; 1258 1 2929 0; 1293 0 3001 0; 1328 1 2994 0; 1363 0 0 2; 1398 1 3030 0;
        1433 0 2930 0; 1468 1 2994 0; 1503 0 2970 0; 1538 1 2948 0; 1573 0 2953 0; 1608 1 2932 0; 1643 0 3038 0; 1678 1 3051 0; 1713 0 3005 0; 1748 1 2974 0;
        1783 0 0 2; 1818 1 3062 0; 1853 0 0 2; 1888 1 2976 1; 1923 0 2981 0; 1958 1 3002 0; 1993 0 0 2; 2028 1 2978 0; 2063 0 3048 0; 2098 1 0 2;
        2133 0 0 2; 2168 1 3019 0; 2203 0 2986 0; 2238 1 3043 0; 2273 0 2991 0; 2308 1 2944 0; 2343 0 2958 0; 2378 1 2894 0; 2413 0 3083 0; 2448 1 2966 0;
        2483 0 3003 0; 2518 1 3071 0; 2553 0 2956 0; 2588 1 2995 0; 2623 0 2991 0; 2658 1 3026 0; 2693 0 2963 0; 2728 1 2984 0; 2763 0 3031 0; 2798 1 3065 0;
        2833 0 0 2; 2868 1 0 2; 2903 0 0 2; 2938 1 0 2; 2973 0 0 2; 3008 1 3064 0; 3043 1 2909 0; 3078 0 3101 0; 3113 1 3013 0; 3148 0 3048 0;
        3183 1 3004 0; 3218 0 0 2; 3253 1 3071 0; 3288 0 2999 0; 3323 1 3059 0; 3358 0 2677 0; 3393 1 0 2; 3428 0 2503 0; 3463 1 2965 0; 3498 0 2526 0;
        3533 1 2959 0; 3568 0 2539 0; 3603 1 3053 0; 3638 0 2526 0; 3673 1 3067 0; 3708 0 2548 0; 3743 1 2999 0; 3778 0 2571 0; 3813 1 0 2; 3848 0 2522 0;
        3883 1 0 2; 3918 0 2218 0; 3953 1 2988 0; 3988 0 1933 0; 4023 1 2524 0; 4058 0 1836 0; 4093 1 2535 0; 4128 0 1837 0; 4163 1 2478 0; 4198 0 1801 0;
        4233 1 2547 0; 4268 0 1844 0; 4303 1 0 2; 4338 0 1848 0; 4373 1 2517 0; 4408 0 1837 0; 4443 1 1825 0; 4478 0 1824 0; 4513 1 1841 0; 4548 0 1736 0;
        4583 1 1827 0; 4618 0 1568 0; 4653 1 1824 0; 4688 0 1302 0; 4723 1 1832 0; 4758 0 1228 0; 4793 1 1816 0; 4828 0 1242 0; 4863 1 1823 0; 4898 0 1234 0;
        4933 1 1823 0; 4968 0 1243 0; 5003 1 1232 0; 5038 0 1234 0; 5073 1 1249 0; 5108 0 1229 0; 5143 1 1218 0; 5178 0 1227 0; 5213 1 1229 0; 5248 0 2999 0;
        5283 1 1242 0; 5318 0 0 2; 5353 1 1231 0; 5388 0 2921 0; 5423 1 1238 0; 5458 0 0 2; 5493 1 1358 0; 5528 0 3017 0; 5563 1 1553 0; 5598 0 3000 1;
        5633 1 1747 0; 5668 0 0 2; 5703 1 2104 0; 5738 0 0 2; 5773 1 2358 0; 5808 0 3005 0; 5843 1 2672 0; 5878 0 2976 0; 5913 1 2920 0; 5948 0 2924 0;
        5983 1 3001 0; 6018 0 0 2; 6053 1 3060 0; 6088 0 3043 0; 6123 1 3072 0; 6158 0 3048 0; 6193 1 3008 0; 6228 0 0 2; 6263 1 3009 0; 6298 0 2895 0;
        6333 1 3086 0; 6368 0 3046 0; 6403 1 3015 0; 6438 0 2951 0; 6473 1 2999 0; 6508 0 3041 0; 6543 1 3073 0; 6578 0 3011 0; 6613 1 2962 0; 6648 0 3167 0;
        6683 1 0 2; 6718 0 2935 0; 6753 1 0 2; 6788 0 2979 0; 6823 1 2969 0; 6858 0 3060 0; 6893 1 3072 0; 6928 0 3090 0; 6963 1 3010 0; 6998 0 2922 0;
        7033 1 2962 0; 7068 0 2945 0; 7103 1 3061 0; 7138 0 2951 0; 7173 1 3048 0; 7208 0 3034 0; 7243 1 2975 0; 7278 0 3074 0; 7313 1 3015 0; 7348 0 3004 0;
        7383 1 0 2; 7418 0 2928 0; 7453 1 0 2; 7488 0 2955 0; 7523 1 2939 0;
        ";

    [TestMethod]
    public void APushchairWhoseCanopyStandsAbove1150MillimetresAndRunsIntoItsPusher_IsCountedOnce()
    {
        RecordedReadings.AssertCounted(3000, CanopyUpPushedIn, 9500, entries: 1, exits: 0);
    }
}
