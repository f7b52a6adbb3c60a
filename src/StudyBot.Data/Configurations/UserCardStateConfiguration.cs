using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class UserCardStateConfiguration : IEntityTypeConfiguration<UserCardState>
{
    public void Configure(EntityTypeBuilder<UserCardState> builder)
    {
        builder.ToTable("CardStates");
        builder.HasIndex(s => new { s.UserId, s.CardId }).IsUnique();
        builder.HasOne(s => s.Card).WithMany().HasForeignKey(s => s.CardId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.ComplexProperty(s => s.Memory, m => CardMemoryColumns.Map(m, ""));
    }
}
