package io.jdig.scap;

/** Block type numbers of sysdig's trace file format. */
public final class BlockTypes {
    public static final int SHB = 0x0A0D0D0A;
    public static final int SHB_MAGIC = 0x1A2B3C4D;
    public static final int MI = 0x201;
    public static final int MI_INT = 0x8002ABCD;
    public static final int PL_V1 = 0x202;
    public static final int PL_V1_INT = 0x8000ABCD;
    public static final int FDL = 0x203;
    public static final int FDL_INT = 0x8001ABCD;
    public static final int EV = 0x204;
    public static final int EV_INT = 0x8010ABCD;
    public static final int IL = 0x205;
    public static final int IL_INT = 0x8011ABCD;
    public static final int UL = 0x206;
    public static final int UL_INT = 0x8012ABCD;
    public static final int PL_V2 = 0x207;
    public static final int PL_V2_INT = 0x8013ABCD;
    public static final int EVF = 0x208;
    public static final int PL_V3 = 0x209;
    public static final int PL_V3_INT = 0x8014ABCD;
    public static final int PL_V4 = 0x210;
    public static final int PL_V5 = 0x211;
    public static final int PL_V6 = 0x212;
    public static final int PL_V7 = 0x213;
    public static final int PL_V8 = 0x214;
    public static final int PL_V9 = 0x215;
    public static final int EV_V2 = 0x216;
    public static final int EVF_V2 = 0x217;
    public static final int FDL_V2 = 0x218;
    public static final int IL_V2 = 0x219;
    public static final int UL_V2 = 0x220;
    public static final int EV_V2_LARGE = 0x221;
    public static final int EVF_V2_LARGE = 0x222;

    private BlockTypes() {
    }

    /** The process-list version a block type stands for, or 0 if it is not a process list. */
    static int processListVersion(int type) {
        return switch (type) {
            case PL_V1, PL_V1_INT -> 1;
            case PL_V2, PL_V2_INT -> 2;
            case PL_V3, PL_V3_INT -> 3;
            case PL_V4 -> 4;
            case PL_V5 -> 5;
            case PL_V6 -> 6;
            case PL_V7 -> 7;
            case PL_V8 -> 8;
            case PL_V9 -> 9;
            default -> 0;
        };
    }

    static boolean isEvent(int type) {
        return switch (type) {
            case EV, EV_INT, EVF, EV_V2, EVF_V2, EV_V2_LARGE, EVF_V2_LARGE -> true;
            default -> false;
        };
    }

    static String name(int type) {
        return switch (type) {
            case SHB -> "section header";
            case MI, MI_INT -> "machine info";
            case FDL, FDL_INT, FDL_V2 -> "fd list";
            case IL, IL_INT, IL_V2 -> "interface list";
            case UL, UL_INT, UL_V2 -> "user list";
            case EV, EV_INT, EVF, EV_V2, EVF_V2, EV_V2_LARGE, EVF_V2_LARGE -> "event";
            default -> processListVersion(type) > 0 ? "process list" : "unknown";
        };
    }

    static String describe(int type) {
        return name(type) + " block 0x" + Integer.toHexString(type);
    }
}
