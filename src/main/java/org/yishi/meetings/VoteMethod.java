package org.yishi.meetings;

/** How a vote is taken: 口头表决, 举手表决, 记名投票, 无记名投票. A secret ballot keeps no link between voter and choice. */
public enum VoteMethod {
    ORAL, SHOW_OF_HANDS, NAMED, SECRET
}
